import type { Rng } from './prng';

// Surnames weighted roughly by their share of the population, leaning Guangdong (黄, 陈, 林, 梁, 钟);
// 曾 and 单 are here on purpose: their surname readings (zeng, shan) differ from the common ones.
export const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 71],
  ['李', 70],
  ['张', 67],
  ['刘', 54],
  ['陈', 60],
  ['杨', 31],
  ['黄', 35],
  ['赵', 20],
  ['吴', 19],
  ['周', 18],
  ['徐', 14],
  ['孙', 13],
  ['马', 12],
  ['朱', 12],
  ['胡', 11],
  ['郭', 11],
  ['何', 12],
  ['林', 18],
  ['高', 9],
  ['罗', 10],
  ['郑', 10],
  ['梁', 12],
  ['谢', 7],
  ['宋', 6],
  ['唐', 6],
  ['许', 6],
  ['韩', 5],
  ['冯', 5],
  ['邓', 7],
  ['曹', 5],
  ['彭', 5],
  ['曾', 7],
  ['肖', 5],
  ['田', 4],
  ['董', 4],
  ['袁', 4],
  ['潘', 4],
  ['于', 4],
  ['蒋', 4],
  ['蔡', 5],
  ['余', 4],
  ['杜', 3],
  ['叶', 5],
  ['程', 3],
  ['苏', 3],
  ['魏', 3],
  ['吕', 3],
  ['丁', 3],
  ['任', 3],
  ['沈', 3],
  ['姚', 3],
  ['卢', 3],
  ['钟', 5],
  ['温', 2],
  ['廖', 3],
  ['欧阳', 1],
  ['单', 1],
  ['区', 1],
];

const MALE = '伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林阳振国志建文博家豪子轩晨睿泽峰毅'.split('');
const FEMALE = '芳娜敏静丽艳娟霞秀英婷雪琳颖慧玲洁倩欣怡梓涵诗琪雨萱晓梅华淑兰红燕萍佳悦思'.split('');

export type Gender = '男' | '女';

export function givenName(rng: Rng, gender: Gender): string {
  const chars = gender === '男' ? MALE : FEMALE;
  if (rng.chance(0.3)) return rng.pick(chars);
  const a = rng.pick(chars);
  let b = rng.pick(chars);
  while (b === a) b = rng.pick(chars);
  return a + b;
}

export function surname(rng: Rng): string {
  return rng.weighted(SURNAMES);
}

export const WORK_UNITS = [
  '深圳市华科电子有限公司',
  '南山区人民医院',
  '招商银行深圳分行',
  '深圳市第二实验学校',
  '腾飞科技股份有限公司',
  '个体经营',
  '退休',
  '福田区街道办',
  '深圳地铁集团',
  '平安保险深圳分公司',
] as const;

export const CAR_MODELS = [
  '丰田凯美瑞',
  '本田雅阁',
  '大众帕萨特',
  '比亚迪汉',
  '特斯拉Model 3',
  '日产轩逸',
  '别克君越',
  '宝马3系',
  '奥迪A4L',
  '比亚迪宋',
  '广汽埃安S',
  '理想L7',
] as const;
export const CAR_COLOURS = ['白色', '黑色', '银色', '灰色', '蓝色', '红色'] as const;

export const COMM_SUMMARIES = [
  '询问物业费缴纳方式',
  '反映楼道灯不亮，已转工程部',
  '咨询装修申请所需材料',
  '办理门禁卡补办',
  '询问停车月卡续费',
  '反映楼上漏水，已预约上门查看',
  '咨询快递柜使用方法',
  '反映夜间噪音，已联系秩序部',
  '领取业主大会通知',
  '咨询宠物登记办法',
  '询问水电表读数',
  '反映电梯异响，已报工程部',
  '预约搬家放行',
  '咨询租户登记手续',
] as const;
export const COMM_CHANNEL_WEIGHTS = [
  ['电话', 40],
  ['来访', 30],
  ['微信', 20],
  ['上门', 5],
  ['短信', 5],
] as const;
export const STAFF = ['李晓梅', '王芳', '陈静', '刘洋'] as const;
