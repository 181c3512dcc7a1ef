/**
 * Claims article 002 prints in §5.4 and §4.3, shared by its declarations. `_`-prefixed, so
 * discovery skips this file; it is plain data like the declarations that import it.
 */
import type { Claim } from "../harness/core/experiment.ts";

/** §5.4 "图像识别结果" for the §5.2 CIFAR-10 CNN. */
export const IMAGE_RESULTS_002 = [
  {
    id: "train-loss-0-2",
    metric: "train_loss",
    printed: "训练损失：0.2",
    kind: "approximately",
    value: 0.2,
    tolerance: 0.05,
    where: "§5.4 运行结果展示, 1. 图像识别结果",
  },
  {
    id: "test-loss-0-3",
    metric: "test_loss",
    printed: "测试损失：0.3",
    kind: "approximately",
    value: 0.3,
    tolerance: 0.05,
    where: "§5.4 运行结果展示, 1. 图像识别结果",
  },
  {
    id: "test-accuracy-95",
    metric: "test_accuracy",
    printed: "测试准确率：95%",
    kind: "approximately",
    value: 0.95,
    tolerance: 0.005,
    where: "§5.4 运行结果展示, 1. 图像识别结果",
  },
] satisfies Claim[];

/** §5.4 "自然语言处理结果" for the §5.2 RNN text classifier. */
export const TEXT_RESULTS_002 = [
  {
    id: "train-loss-0-4",
    metric: "train_loss",
    printed: "训练损失：0.4",
    kind: "approximately",
    value: 0.4,
    tolerance: 0.05,
    where: "§5.4 运行结果展示, 2. 自然语言处理结果",
  },
  {
    id: "test-loss-0-5",
    metric: "test_loss",
    printed: "测试损失：0.5",
    kind: "approximately",
    value: 0.5,
    tolerance: 0.05,
    where: "§5.4 运行结果展示, 2. 自然语言处理结果",
  },
  {
    id: "test-accuracy-85",
    metric: "test_accuracy",
    printed: "测试准确率：85%",
    kind: "approximately",
    value: 0.85,
    tolerance: 0.005,
    where: "§5.4 运行结果展示, 2. 自然语言处理结果",
  },
] satisfies Claim[];

/** §4.3 "自然语言处理案例": RNNs/LSTMs on WMT and IMDB; the IMDB part is the RNN's task. */
export const SENTIMENT_CLAIM_002 = {
  id: "imdb-sentiment-accuracy-85-plus",
  metric: "test_accuracy",
  printed: "情感分析准确率达85%以上",
  kind: "at_least",
  value: 0.85,
  where: "§4.3 案例分析与讲解, 2. 自然语言处理案例 (模型：RNNs、LSTMs；数据集：WMT、IMDB)",
} satisfies Claim;

/** §4.3 results for tasks the article gives no code for: declared, never checkable here. */
export const UNCODED_TASKS_002 = [
  {
    id: "imagenet-street-recognition-95-plus",
    metric: "imagenet_street_scene_accuracy",
    printed: "识别准确率达95%以上 (输入：街景图像；模型：CNN；数据集：ImageNet)",
    kind: "at_least",
    value: 0.95,
    where: "§4.3 案例分析与讲解, 1. 图像识别案例",
    notCheckable:
      "task not specified: no code, architecture or training setup is given for this ImageNet street-scene model, and ImageNet is not available here",
  },
  {
    id: "wmt-translation-quality-improved",
    metric: "wmt_translation_quality",
    printed: "翻译质量提升",
    kind: "qualitative",
    where: "§4.3 案例分析与讲解, 2. 自然语言处理案例",
    notCheckable:
      "task not specified: no translation model, baseline or metric (BLEU?) is given, and WMT is not available here",
  },
  {
    id: "autonomous-driving-accuracy-90-plus",
    metric: "kitti_cityscapes_driving_accuracy",
    printed: "自动驾驶准确率达90%以上 (模型：CNN、LSTMs；数据集：KITTI、Cityscapes)",
    kind: "at_least",
    value: 0.9,
    where: "§4.3 案例分析与讲解, 3. 计算机视觉应用案例",
    notCheckable:
      'task not specified: "autonomous driving accuracy" names no task or metric, no code is given, and KITTI/Cityscapes are not available here',
  },
] satisfies Claim[];

/** A copy of `claims` marked as measured on substitute data: shown, never judged. */
export function onSubstitute<T extends object>(claims: T[], substitute: string): T[] {
  return claims.map((c) => ({
    ...c,
    notCheckable:
      `measured on a substitute task (${substitute}), not the article's data: shown for reference, not judged`,
  }));
}
