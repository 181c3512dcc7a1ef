/**
 * Known checksums of the official dataset files. Every value below was checked against at
 * least one public source (named beside it); none was computed from a file we could not see.
 * `published` is the hash of the file as distributed (the `.gz` for IDX), `contentSha256`
 * the SHA-256 of the decompressed content, which also identifies a copy that was compressed
 * again (Debian's Fashion-MNIST) or stored uncompressed.
 */

/** Checksums of one logical file (named without any `.gz`). */
export interface KnownFile {
  role: string;
  published?: { name: string; sha256?: string; md5?: string };
  contentSha256?: string;
}

/** Checksums of an archive that holds a dataset's files. */
export interface KnownArchive {
  name: string;
  sha256?: string;
  md5?: string;
}

/** A dataset's known checksums. */
export interface KnownChecksums {
  files: KnownFile[];
  archives: KnownArchive[];
}

const gz = (role: string, sha256: string | undefined, md5: string) => ({
  name: `${role}.gz`,
  sha256,
  md5,
});

/**
 * MNIST. `.gz` SHA-256: TensorFlow's mirror listing (storage.googleapis.com/cvdf-datasets),
 * repeated in many projects; `.gz` MD5: torchvision's `MNIST.resources`; content SHA-256:
 * repeated by several independent projects that pin the decompressed IDX files.
 */
export const MNIST_CHECKSUMS: KnownChecksums = {
  files: [
    {
      role: "train-images-idx3-ubyte",
      published: gz(
        "train-images-idx3-ubyte",
        "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
        "f68b3c2dcbeaaa9fbdd348bbdeb94873",
      ),
      contentSha256: "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
    },
    {
      role: "train-labels-idx1-ubyte",
      published: gz(
        "train-labels-idx1-ubyte",
        "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
        "d53e105ee54ea40749a09fcbcd1e9432",
      ),
      contentSha256: "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
    },
    {
      role: "t10k-images-idx3-ubyte",
      published: gz(
        "t10k-images-idx3-ubyte",
        "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
        "9fb629c4189551a2d022fa330f9573f3",
      ),
      contentSha256: "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
    },
    {
      role: "t10k-labels-idx1-ubyte",
      published: gz(
        "t10k-labels-idx1-ubyte",
        "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
        "ec29112dd5afa0611ce80d1b7f02629c",
      ),
      contentSha256: "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
    },
  ],
  archives: [],
};

/**
 * Fashion-MNIST. `.gz` MD5: the upstream README's table (zalandoresearch/fashion-mnist),
 * no SHA-256 is published. Content SHA-256: computed here from Debian's
 * `dataset-fashion-mnist` (0.0~git20200523.55506a9-1), whose `.gz` files are compressed again
 * (their MD5s differ from upstream's) but whose content matches: the same four SHA-256 values
 * are pinned by independent projects that download the upstream files.
 */
export const FASHION_MNIST_CHECKSUMS: KnownChecksums = {
  files: [
    {
      role: "train-images-idx3-ubyte",
      published: gz("train-images-idx3-ubyte", undefined, "8d4fb7e6c68d591d4c3dfef9ec88bf0d"),
      contentSha256: "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
    },
    {
      role: "train-labels-idx1-ubyte",
      published: gz("train-labels-idx1-ubyte", undefined, "25c81989df183df01b3e8a0aad5dffbe"),
      contentSha256: "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
    },
    {
      role: "t10k-images-idx3-ubyte",
      published: gz("t10k-images-idx3-ubyte", undefined, "bef4ecab320f06d8554ea6380940ec79"),
      contentSha256: "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
    },
    {
      role: "t10k-labels-idx1-ubyte",
      published: gz("t10k-labels-idx1-ubyte", undefined, "bb300cfdad3c16e7a12a480ee83cd310"),
      contentSha256: "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34",
    },
  ],
  archives: [],
};

/**
 * CIFAR-10, binary version. Archive MD5: the dataset page (cs.toronto.edu/~kriz/cifar.html);
 * archive SHA-256: TensorFlow Datasets and several projects that pin it. The per-file SHA-256
 * values are not published by the authors; they come from torchvision-ruby's CIFAR10 loader,
 * which checks them on every load.
 */
export const CIFAR10_CHECKSUMS: KnownChecksums = {
  files: [
    ["data_batch_1.bin", "cee916563c9f80d84e3cc88e17fdc0941787f1244f00a67874d45b261883ada5"],
    ["data_batch_2.bin", "a591ca11fa1708a91ee40f54b3da4784ccd871ecf2137de63f51ada8b3fa57ed"],
    ["data_batch_3.bin", "bbe8596564c0f86427f876058170b84dac6670ddf06d79402899d93ceea26f67"],
    ["data_batch_4.bin", "014e562d6e23c72197cc727519169a60359f5eccd8945ad5a09d710285ff4e48"],
    ["data_batch_5.bin", "755304fc0b379caeae8c14f0dac912fbc7d6cd469eb67a1029a08a39453a9add"],
    ["test_batch.bin", "8e2eb146ae340b09e24670f29cabc6326dba54da8789dab6768acf480273f65b"],
  ].map(([role, contentSha256]) => ({ role, contentSha256 })),
  archives: [{
    name: "cifar-10-binary.tar.gz",
    sha256: "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd",
    md5: "c32a1d4ab5d03f1284b67883e8d87530",
  }],
};
