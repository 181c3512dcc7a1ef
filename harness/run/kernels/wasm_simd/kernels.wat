;; Training kernels in WebAssembly SIMD, run on the tfjs wasm backend's own memory
;; (imported), so they read and write tensors in place. Pointers are byte offsets
;; into that memory; every tensor is float32, NHWC. The TypeScript side
;; (`mod.ts`) checks shapes and alignment before calling in.
;;
;; Edit this file, then regenerate the bytes with
;;   deno run -A harness/run/kernels/wasm_simd/build.ts
;; (a test fails while `_bytes.ts` and this source disagree).
(module
  (import "env" "memory" (memory 1))

  ;; MaxPoolGrad: dx[argmax of each window] += dy[window], per channel. `dx` must
  ;; arrive zeroed. The arg-max is the first maximum in row-major window order
  ;; (strict >, so a NaN never wins after the first tap), as in the stock kernels.
  ;; Channels go four at a time in SIMD lanes (compare and select, no branches on
  ;; the data), the rest one at a time with `select`. Windows are visited in
  ;; (batch, row, column) order, so overlapping windows add in the same order as
  ;; the JS kernel and give the same bits.
  (func (export "maxPoolGrad")
    (param $x i32) (param $dy i32) (param $dx i32)
    (param $n i32) (param $h i32) (param $w i32) (param $c i32)
    (param $ho i32) (param $wo i32)
    (param $fh i32) (param $fw i32) (param $sh i32) (param $sw i32)
    (param $top i32) (param $left i32)
    (local $b i32) (local $p i32) (local $q i32) (local $k i32)
    (local $r i32) (local $col i32)
    (local $r0 i32) (local $r1 i32) (local $c0 i32) (local $c1 i32)
    (local $o i32) (local $c4 i32) (local $e i32) (local $t i32) (local $a i32)
    (local $rowBase i32) (local $is i32)
    (local $best v128) (local $idx v128) (local $v v128) (local $m v128) (local $g v128)
    (local $bs f32) (local $vs f32)
    (local.set $c4 (i32.and (local.get $c) (i32.const -4)))
    (local.set $o (i32.const 0))
    (local.set $b (i32.const 0))
    (block $bDone (loop $bLoop
      (br_if $bDone (i32.ge_s (local.get $b) (local.get $n)))
      (local.set $p (i32.const 0))
      (block $pDone (loop $pLoop
        (br_if $pDone (i32.ge_s (local.get $p) (local.get $ho)))
        ;; rows r0..r1 of this window row, clipped to the input
        (local.set $t (i32.sub (i32.mul (local.get $p) (local.get $sh)) (local.get $top)))
        (local.set $r0 (select (local.get $t) (i32.const 0)
          (i32.gt_s (local.get $t) (i32.const 0))))
        (local.set $t (i32.add (local.get $t) (local.get $fh)))
        (local.set $r1 (select (local.get $t) (local.get $h)
          (i32.lt_s (local.get $t) (local.get $h))))
        (local.set $q (i32.const 0))
        (block $qDone (loop $qLoop
          (br_if $qDone (i32.ge_s (local.get $q) (local.get $wo)))
          (local.set $t (i32.sub (i32.mul (local.get $q) (local.get $sw)) (local.get $left)))
          (local.set $c0 (select (local.get $t) (i32.const 0)
            (i32.gt_s (local.get $t) (i32.const 0))))
          (local.set $t (i32.add (local.get $t) (local.get $fw)))
          (local.set $c1 (select (local.get $t) (local.get $w)
            (i32.lt_s (local.get $t) (local.get $w))))
          (if (i32.and (i32.lt_s (local.get $r0) (local.get $r1))
                       (i32.lt_s (local.get $c0) (local.get $c1)))
            (then
              ;; four channels at a time
              (local.set $k (i32.const 0))
              (block $kDone (loop $kLoop
                (br_if $kDone (i32.ge_s (local.get $k) (local.get $c4)))
                (local.set $e (i32.add
                  (i32.mul
                    (i32.add
                      (i32.mul (i32.add (i32.mul (local.get $b) (local.get $h)) (local.get $r0))
                        (local.get $w))
                      (local.get $c0))
                    (local.get $c))
                  (local.get $k)))
                (local.set $best (v128.load (i32.add (local.get $x) (i32.shl (local.get $e) (i32.const 2)))))
                (local.set $idx (i32x4.add (i32x4.splat (local.get $e)) (v128.const i32x4 0 1 2 3)))
                (local.set $r (local.get $r0))
                (block $rDone (loop $rLoop
                  (br_if $rDone (i32.ge_s (local.get $r) (local.get $r1)))
                  (local.set $rowBase (i32.mul
                    (i32.mul (i32.add (i32.mul (local.get $b) (local.get $h)) (local.get $r))
                      (local.get $w))
                    (local.get $c)))
                  (local.set $col (local.get $c0))
                  (block $cDone (loop $cLoop
                    (br_if $cDone (i32.ge_s (local.get $col) (local.get $c1)))
                    (local.set $e (i32.add (local.get $rowBase)
                      (i32.add (i32.mul (local.get $col) (local.get $c)) (local.get $k))))
                    (local.set $v (v128.load (i32.add (local.get $x) (i32.shl (local.get $e) (i32.const 2)))))
                    (local.set $m (f32x4.gt (local.get $v) (local.get $best)))
                    (local.set $best (v128.bitselect (local.get $v) (local.get $best) (local.get $m)))
                    (local.set $idx (v128.bitselect
                      (i32x4.add (i32x4.splat (local.get $e)) (v128.const i32x4 0 1 2 3))
                      (local.get $idx) (local.get $m)))
                    (local.set $col (i32.add (local.get $col) (i32.const 1)))
                    (br $cLoop)))
                  (local.set $r (i32.add (local.get $r) (i32.const 1)))
                  (br $rLoop)))
                (local.set $g (v128.load (i32.add (local.get $dy)
                  (i32.shl (i32.add (local.get $o) (local.get $k)) (i32.const 2)))))
                (local.set $a (i32.add (local.get $dx) (i32.shl (i32x4.extract_lane 0 (local.get $idx)) (i32.const 2))))
                (f32.store (local.get $a) (f32.add (f32.load (local.get $a)) (f32x4.extract_lane 0 (local.get $g))))
                (local.set $a (i32.add (local.get $dx) (i32.shl (i32x4.extract_lane 1 (local.get $idx)) (i32.const 2))))
                (f32.store (local.get $a) (f32.add (f32.load (local.get $a)) (f32x4.extract_lane 1 (local.get $g))))
                (local.set $a (i32.add (local.get $dx) (i32.shl (i32x4.extract_lane 2 (local.get $idx)) (i32.const 2))))
                (f32.store (local.get $a) (f32.add (f32.load (local.get $a)) (f32x4.extract_lane 2 (local.get $g))))
                (local.set $a (i32.add (local.get $dx) (i32.shl (i32x4.extract_lane 3 (local.get $idx)) (i32.const 2))))
                (f32.store (local.get $a) (f32.add (f32.load (local.get $a)) (f32x4.extract_lane 3 (local.get $g))))
                (local.set $k (i32.add (local.get $k) (i32.const 4)))
                (br $kLoop)))
              ;; the remaining channels one at a time
              (block $sDone (loop $sLoop
                (br_if $sDone (i32.ge_s (local.get $k) (local.get $c)))
                (local.set $is (i32.add
                  (i32.mul
                    (i32.add
                      (i32.mul (i32.add (i32.mul (local.get $b) (local.get $h)) (local.get $r0))
                        (local.get $w))
                      (local.get $c0))
                    (local.get $c))
                  (local.get $k)))
                (local.set $bs (f32.load (i32.add (local.get $x) (i32.shl (local.get $is) (i32.const 2)))))
                (local.set $r (local.get $r0))
                (block $rDone2 (loop $rLoop2
                  (br_if $rDone2 (i32.ge_s (local.get $r) (local.get $r1)))
                  (local.set $rowBase (i32.mul
                    (i32.mul (i32.add (i32.mul (local.get $b) (local.get $h)) (local.get $r))
                      (local.get $w))
                    (local.get $c)))
                  (local.set $col (local.get $c0))
                  (block $cDone2 (loop $cLoop2
                    (br_if $cDone2 (i32.ge_s (local.get $col) (local.get $c1)))
                    (local.set $e (i32.add (local.get $rowBase)
                      (i32.add (i32.mul (local.get $col) (local.get $c)) (local.get $k))))
                    (local.set $vs (f32.load (i32.add (local.get $x) (i32.shl (local.get $e) (i32.const 2)))))
                    (local.set $t (f32.gt (local.get $vs) (local.get $bs)))
                    (local.set $bs (select (local.get $vs) (local.get $bs) (local.get $t)))
                    (local.set $is (select (local.get $e) (local.get $is) (local.get $t)))
                    (local.set $col (i32.add (local.get $col) (i32.const 1)))
                    (br $cLoop2)))
                  (local.set $r (i32.add (local.get $r) (i32.const 1)))
                  (br $rLoop2)))
                (local.set $a (i32.add (local.get $dx) (i32.shl (local.get $is) (i32.const 2))))
                (f32.store (local.get $a) (f32.add (f32.load (local.get $a))
                  (f32.load (i32.add (local.get $dy)
                    (i32.shl (i32.add (local.get $o) (local.get $k)) (i32.const 2))))))
                (local.set $k (i32.add (local.get $k) (i32.const 1)))
                (br $sLoop)))))
          (local.set $o (i32.add (local.get $o) (local.get $c)))
          (local.set $q (i32.add (local.get $q) (i32.const 1)))
          (br $qLoop)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $pLoop)))
      (local.set $b (i32.add (local.get $b) (i32.const 1)))
      (br $bLoop)))
  )

  ;; col2im: adds cols [N*Ho*Wo, fh*fw*Cin] (a product dy . W^T) back onto the NHWC
  ;; input grid `dx`, the adjoint of the im2col gather; `dx` must arrive zeroed.
  ;; Each tap is one contiguous run of Cin channels, added four at a time. Rows go
  ;; in (batch, row, column) order and taps in (tap row, tap column) order, as in the
  ;; JS version, so every element receives its terms in the same order.
  (func (export "col2im")
    (param $cols i32) (param $dx i32)
    (param $n i32) (param $h i32) (param $w i32) (param $cin i32)
    (param $ho i32) (param $wo i32)
    (param $fh i32) (param $fw i32) (param $sh i32) (param $sw i32)
    (param $top i32) (param $left i32)
    (local $b i32) (local $p i32) (local $q i32) (local $i i32) (local $j i32)
    (local $r i32) (local $c0 i32) (local $c i32) (local $c4 i32)
    (local $src i32) (local $dst i32) (local $a i32)
    (local.set $c4 (i32.and (local.get $cin) (i32.const -4)))
    ;; `src` walks cols row by row, tap by tap: every tap's run, in range or not
    (local.set $src (local.get $cols))
    (local.set $b (i32.const 0))
    (block $bDone (loop $bLoop
      (br_if $bDone (i32.ge_s (local.get $b) (local.get $n)))
      (local.set $p (i32.const 0))
      (block $pDone (loop $pLoop
        (br_if $pDone (i32.ge_s (local.get $p) (local.get $ho)))
        (local.set $q (i32.const 0))
        (block $qDone (loop $qLoop
          (br_if $qDone (i32.ge_s (local.get $q) (local.get $wo)))
          (local.set $i (i32.const 0))
          (block $iDone (loop $iLoop
            (br_if $iDone (i32.ge_s (local.get $i) (local.get $fh)))
            (local.set $r (i32.sub (i32.add (i32.mul (local.get $p) (local.get $sh)) (local.get $i))
              (local.get $top)))
            (local.set $j (i32.const 0))
            (block $jDone (loop $jLoop
              (br_if $jDone (i32.ge_s (local.get $j) (local.get $fw)))
              (local.set $c0 (i32.sub (i32.add (i32.mul (local.get $q) (local.get $sw)) (local.get $j))
                (local.get $left)))
              (if (i32.and
                    (i32.and (i32.ge_s (local.get $r) (i32.const 0)) (i32.lt_s (local.get $r) (local.get $h)))
                    (i32.and (i32.ge_s (local.get $c0) (i32.const 0)) (i32.lt_s (local.get $c0) (local.get $w))))
                (then
                  (local.set $dst (i32.add (local.get $dx) (i32.shl
                    (i32.mul
                      (i32.add (i32.mul (i32.add (i32.mul (local.get $b) (local.get $h)) (local.get $r))
                        (local.get $w)) (local.get $c0))
                      (local.get $cin))
                    (i32.const 2))))
                  (local.set $c (i32.const 0))
                  (block $cDone (loop $cLoop
                    (br_if $cDone (i32.ge_s (local.get $c) (local.get $c4)))
                    (local.set $a (i32.add (local.get $dst) (i32.shl (local.get $c) (i32.const 2))))
                    (v128.store (local.get $a) (f32x4.add (v128.load (local.get $a))
                      (v128.load (i32.add (local.get $src) (i32.shl (local.get $c) (i32.const 2))))))
                    (local.set $c (i32.add (local.get $c) (i32.const 4)))
                    (br $cLoop)))
                  (block $tDone (loop $tLoop
                    (br_if $tDone (i32.ge_s (local.get $c) (local.get $cin)))
                    (local.set $a (i32.add (local.get $dst) (i32.shl (local.get $c) (i32.const 2))))
                    (f32.store (local.get $a) (f32.add (f32.load (local.get $a))
                      (f32.load (i32.add (local.get $src) (i32.shl (local.get $c) (i32.const 2))))))
                    (local.set $c (i32.add (local.get $c) (i32.const 1)))
                    (br $tLoop)))))
              (local.set $src (i32.add (local.get $src) (i32.shl (local.get $cin) (i32.const 2))))
              (local.set $j (i32.add (local.get $j) (i32.const 1)))
              (br $jLoop)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $iLoop)))
          (local.set $q (i32.add (local.get $q) (i32.const 1)))
          (br $qLoop)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $pLoop)))
      (local.set $b (i32.add (local.get $b) (i32.const 1)))
      (br $bLoop)))
  )

  ;; im2col: writes cols [N*Ho*Wo, fh*fw*Cin] (row = output position; columns
  ;; ordered tap row, tap column, channel) from the NHWC grid `x`. Each tap is one
  ;; contiguous run of Cin channels, copied four at a time; taps in the padding are
  ;; skipped, so `cols` must arrive zeroed. The same walk as col2im, copying
  ;; instead of adding, in the other direction.
  (func (export "im2col")
    (param $cols i32) (param $x i32)
    (param $n i32) (param $h i32) (param $w i32) (param $cin i32)
    (param $ho i32) (param $wo i32)
    (param $fh i32) (param $fw i32) (param $sh i32) (param $sw i32)
    (param $top i32) (param $left i32)
    (local $b i32) (local $p i32) (local $q i32) (local $i i32) (local $j i32)
    (local $r i32) (local $c0 i32) (local $c i32) (local $c4 i32)
    (local $out i32) (local $in i32)
    (local.set $c4 (i32.and (local.get $cin) (i32.const -4)))
    ;; `out` walks cols row by row, tap by tap: every tap's run, in range or not
    (local.set $out (local.get $cols))
    (local.set $b (i32.const 0))
    (block $bDone (loop $bLoop
      (br_if $bDone (i32.ge_s (local.get $b) (local.get $n)))
      (local.set $p (i32.const 0))
      (block $pDone (loop $pLoop
        (br_if $pDone (i32.ge_s (local.get $p) (local.get $ho)))
        (local.set $q (i32.const 0))
        (block $qDone (loop $qLoop
          (br_if $qDone (i32.ge_s (local.get $q) (local.get $wo)))
          (local.set $i (i32.const 0))
          (block $iDone (loop $iLoop
            (br_if $iDone (i32.ge_s (local.get $i) (local.get $fh)))
            (local.set $r (i32.sub (i32.add (i32.mul (local.get $p) (local.get $sh)) (local.get $i))
              (local.get $top)))
            (local.set $j (i32.const 0))
            (block $jDone (loop $jLoop
              (br_if $jDone (i32.ge_s (local.get $j) (local.get $fw)))
              (local.set $c0 (i32.sub (i32.add (i32.mul (local.get $q) (local.get $sw)) (local.get $j))
                (local.get $left)))
              (if (i32.and
                    (i32.and (i32.ge_s (local.get $r) (i32.const 0)) (i32.lt_s (local.get $r) (local.get $h)))
                    (i32.and (i32.ge_s (local.get $c0) (i32.const 0)) (i32.lt_s (local.get $c0) (local.get $w))))
                (then
                  (local.set $in (i32.add (local.get $x) (i32.shl
                    (i32.mul
                      (i32.add (i32.mul (i32.add (i32.mul (local.get $b) (local.get $h)) (local.get $r))
                        (local.get $w)) (local.get $c0))
                      (local.get $cin))
                    (i32.const 2))))
                  (local.set $c (i32.const 0))
                  (block $cDone (loop $cLoop
                    (br_if $cDone (i32.ge_s (local.get $c) (local.get $c4)))
                    (v128.store (i32.add (local.get $out) (i32.shl (local.get $c) (i32.const 2)))
                      (v128.load (i32.add (local.get $in) (i32.shl (local.get $c) (i32.const 2)))))
                    (local.set $c (i32.add (local.get $c) (i32.const 4)))
                    (br $cLoop)))
                  (block $tDone (loop $tLoop
                    (br_if $tDone (i32.ge_s (local.get $c) (local.get $cin)))
                    (f32.store (i32.add (local.get $out) (i32.shl (local.get $c) (i32.const 2)))
                      (f32.load (i32.add (local.get $in) (i32.shl (local.get $c) (i32.const 2)))))
                    (local.set $c (i32.add (local.get $c) (i32.const 1)))
                    (br $tLoop)))))
              (local.set $out (i32.add (local.get $out) (i32.shl (local.get $cin) (i32.const 2))))
              (local.set $j (i32.add (local.get $j) (i32.const 1)))
              (br $jLoop)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $iLoop)))
          (local.set $q (i32.add (local.get $q) (i32.const 1)))
          (br $qLoop)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $pLoop)))
      (local.set $b (i32.add (local.get $b) (i32.const 1)))
      (br $bLoop)))
  )

  ;; transpose: dst [cols, rows] = src [rows, cols]^T. Blocks of 4x4 go through four
  ;; SIMD shuffles; the leftover rows and columns are copied one by one.
  (func (export "transpose")
    (param $src i32) (param $dst i32) (param $rows i32) (param $cols i32)
    (local $r i32) (local $c i32) (local $r4 i32) (local $c4 i32)
    (local $s i32) (local $d i32) (local $rowBytes i32) (local $colBytes i32)
    (local $va v128) (local $vb v128) (local $vc v128) (local $vd v128)
    (local $t0 v128) (local $t1 v128) (local $t2 v128) (local $t3 v128)
    (local.set $r4 (i32.and (local.get $rows) (i32.const -4)))
    (local.set $c4 (i32.and (local.get $cols) (i32.const -4)))
    (local.set $rowBytes (i32.shl (local.get $cols) (i32.const 2)))
    (local.set $colBytes (i32.shl (local.get $rows) (i32.const 2)))
    (local.set $r (i32.const 0))
    (block $rDone (loop $rLoop
      (br_if $rDone (i32.ge_s (local.get $r) (local.get $r4)))
      (local.set $c (i32.const 0))
      (block $cDone (loop $cLoop
        (br_if $cDone (i32.ge_s (local.get $c) (local.get $c4)))
        (local.set $s (i32.add (local.get $src)
          (i32.shl (i32.add (i32.mul (local.get $r) (local.get $cols)) (local.get $c)) (i32.const 2))))
        (local.set $va (v128.load (local.get $s)))
        (local.set $vb (v128.load (i32.add (local.get $s) (local.get $rowBytes))))
        (local.set $vc (v128.load (i32.add (local.get $s) (i32.shl (local.get $rowBytes) (i32.const 1)))))
        (local.set $vd (v128.load (i32.add (local.get $s) (i32.mul (local.get $rowBytes) (i32.const 3)))))
        (local.set $t0 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $va) (local.get $vb)))
        (local.set $t1 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $va) (local.get $vb)))
        (local.set $t2 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $vc) (local.get $vd)))
        (local.set $t3 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $vc) (local.get $vd)))
        (local.set $d (i32.add (local.get $dst)
          (i32.shl (i32.add (i32.mul (local.get $c) (local.get $rows)) (local.get $r)) (i32.const 2))))
        (v128.store (local.get $d)
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0) (local.get $t2)))
        (v128.store (i32.add (local.get $d) (local.get $colBytes))
          (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0) (local.get $t2)))
        (v128.store (i32.add (local.get $d) (i32.shl (local.get $colBytes) (i32.const 1)))
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t1) (local.get $t3)))
        (v128.store (i32.add (local.get $d) (i32.mul (local.get $colBytes) (i32.const 3)))
          (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t1) (local.get $t3)))
        (local.set $c (i32.add (local.get $c) (i32.const 4)))
        (br $cLoop)))
      (local.set $r (i32.add (local.get $r) (i32.const 4)))
      (br $rLoop)))
    ;; leftover columns of the blocked rows, then leftover rows whole
    (local.set $r (i32.const 0))
    (block $lDone (loop $lLoop
      (br_if $lDone (i32.ge_s (local.get $r) (local.get $rows)))
      (local.set $c (select (local.get $c4) (i32.const 0) (i32.lt_s (local.get $r) (local.get $r4))))
      (block $mDone (loop $mLoop
        (br_if $mDone (i32.ge_s (local.get $c) (local.get $cols)))
        (f32.store
          (i32.add (local.get $dst)
            (i32.shl (i32.add (i32.mul (local.get $c) (local.get $rows)) (local.get $r)) (i32.const 2)))
          (f32.load (i32.add (local.get $src)
            (i32.shl (i32.add (i32.mul (local.get $r) (local.get $cols)) (local.get $c)) (i32.const 2)))))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (br $mLoop)))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $lLoop)))
  )

  ;; adam: one Adam step over n values, as tfjs's AdamOptimizer computes it, kernel by
  ;; kernel, in float32: m' = m*b1 + g*c1; v' = v*b2 + (g*g)*c2;
  ;; w' = ((m'/om1) / (sqrt(v'/om2) + eps)) * negLr + w. Four values at a time, the rest
  ;; one by one; the lanes do the same float32 operations, so the bits are tfjs's.
  (func (export "adam")
    (param $w i32) (param $g i32) (param $m i32) (param $v i32)
    (param $nw i32) (param $nm i32) (param $nv i32) (param $n i32)
    (param $b1 f32) (param $b2 f32) (param $c1 f32) (param $c2 f32)
    (param $om1 f32) (param $om2 f32) (param $eps f32) (param $negLr f32)
    (local $i i32) (local $n4 i32) (local $o i32)
    (local $gv v128) (local $mv v128) (local $vv v128)
    (local $gs f32) (local $ms f32) (local $vs f32)
    (local.set $n4 (i32.and (local.get $n) (i32.const -4)))
    (local.set $i (i32.const 0))
    (block $done (loop $simd
      (br_if $done (i32.ge_s (local.get $i) (local.get $n4)))
      (local.set $o (i32.shl (local.get $i) (i32.const 2)))
      (local.set $gv (v128.load (i32.add (local.get $g) (local.get $o))))
      (local.set $mv (f32x4.add
        (f32x4.mul (v128.load (i32.add (local.get $m) (local.get $o))) (f32x4.splat (local.get $b1)))
        (f32x4.mul (local.get $gv) (f32x4.splat (local.get $c1)))))
      (local.set $vv (f32x4.add
        (f32x4.mul (v128.load (i32.add (local.get $v) (local.get $o))) (f32x4.splat (local.get $b2)))
        (f32x4.mul (f32x4.mul (local.get $gv) (local.get $gv)) (f32x4.splat (local.get $c2)))))
      (v128.store (i32.add (local.get $nm) (local.get $o)) (local.get $mv))
      (v128.store (i32.add (local.get $nv) (local.get $o)) (local.get $vv))
      (v128.store (i32.add (local.get $nw) (local.get $o))
        (f32x4.add
          (f32x4.mul
            (f32x4.div
              (f32x4.div (local.get $mv) (f32x4.splat (local.get $om1)))
              (f32x4.add
                (f32x4.sqrt (f32x4.div (local.get $vv) (f32x4.splat (local.get $om2))))
                (f32x4.splat (local.get $eps))))
            (f32x4.splat (local.get $negLr)))
          (v128.load (i32.add (local.get $w) (local.get $o)))))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br $simd)))
    (block $tailDone (loop $tail
      (br_if $tailDone (i32.ge_s (local.get $i) (local.get $n)))
      (local.set $o (i32.shl (local.get $i) (i32.const 2)))
      (local.set $gs (f32.load (i32.add (local.get $g) (local.get $o))))
      (local.set $ms (f32.add
        (f32.mul (f32.load (i32.add (local.get $m) (local.get $o))) (local.get $b1))
        (f32.mul (local.get $gs) (local.get $c1))))
      (local.set $vs (f32.add
        (f32.mul (f32.load (i32.add (local.get $v) (local.get $o))) (local.get $b2))
        (f32.mul (f32.mul (local.get $gs) (local.get $gs)) (local.get $c2))))
      (f32.store (i32.add (local.get $nm) (local.get $o)) (local.get $ms))
      (f32.store (i32.add (local.get $nv) (local.get $o)) (local.get $vs))
      (f32.store (i32.add (local.get $nw) (local.get $o))
        (f32.add
          (f32.mul
            (f32.div
              (f32.div (local.get $ms) (local.get $om1))
              (f32.add (f32.sqrt (f32.div (local.get $vs) (local.get $om2))) (local.get $eps)))
            (local.get $negLr))
          (f32.load (i32.add (local.get $w) (local.get $o)))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $tail)))
  )

  ;; sumRows: out[k] = sum over the m rows of x [m, c] of x[row, k], accumulated in float64
  ;; in row order and rounded once to float32: the bias gradient. `acc` is scratch space
  ;; for c float64 values and must arrive zeroed. Two channels at a time in f64x2 lanes;
  ;; every channel adds its values in the same order as the JS loop, so the bits match.
  (func (export "sumRows")
    (param $x i32) (param $acc i32) (param $out i32) (param $m i32) (param $c i32)
    (local $row i32) (local $k i32) (local $c2 i32) (local $xp i32) (local $a i32)
    (local.set $c2 (i32.and (local.get $c) (i32.const -2)))
    (local.set $xp (local.get $x))
    (local.set $row (i32.const 0))
    (block $rDone (loop $rLoop
      (br_if $rDone (i32.ge_s (local.get $row) (local.get $m)))
      (local.set $k (i32.const 0))
      (block $kDone (loop $kLoop
        (br_if $kDone (i32.ge_s (local.get $k) (local.get $c2)))
        (local.set $a (i32.add (local.get $acc) (i32.shl (local.get $k) (i32.const 3))))
        (v128.store (local.get $a) (f64x2.add (v128.load (local.get $a))
          (f64x2.promote_low_f32x4
            (v128.load64_zero (i32.add (local.get $xp) (i32.shl (local.get $k) (i32.const 2)))))))
        (local.set $k (i32.add (local.get $k) (i32.const 2)))
        (br $kLoop)))
      (if (i32.lt_s (local.get $k) (local.get $c))
        (then
          (local.set $a (i32.add (local.get $acc) (i32.shl (local.get $k) (i32.const 3))))
          (f64.store (local.get $a) (f64.add (f64.load (local.get $a))
            (f64.promote_f32 (f32.load (i32.add (local.get $xp) (i32.shl (local.get $k) (i32.const 2)))))))))
      (local.set $xp (i32.add (local.get $xp) (i32.shl (local.get $c) (i32.const 2))))
      (local.set $row (i32.add (local.get $row) (i32.const 1)))
      (br $rLoop)))
    (local.set $k (i32.const 0))
    (block $oDone (loop $oLoop
      (br_if $oDone (i32.ge_s (local.get $k) (local.get $c)))
      (f32.store (i32.add (local.get $out) (i32.shl (local.get $k) (i32.const 2)))
        (f32.demote_f64 (f64.load (i32.add (local.get $acc) (i32.shl (local.get $k) (i32.const 3))))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $oLoop)))
  )
)
