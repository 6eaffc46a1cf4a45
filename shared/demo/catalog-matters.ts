import type { TopicCategory } from '../domain';
import type { UnitKey } from './catalog-units';

/**
 * The matters a township joint meeting deals with, in the seed documents' words: case transfer
 * (案件移送), first-question responsibility (首问责任), enforcement assistance (执法协助), information
 * sharing (信息共享), joint enforcement (联合执法), jurisdiction and responsibility disputes. `{place}`
 * is replaced by a village or community of the demo township.
 */
export const PLACES = [
  '东门村',
  '西关社区',
  '南塘村',
  '北岭村',
  '溪口村',
  '桥头社区',
  '新华社区',
  '五里村',
  '水南村',
  '大坪村',
  '城东工业区',
  '农贸市场片区',
  '老街片区',
  '滨江路沿线',
] as const;

export interface ResolutionSeed {
  lead: UnitKey;
  co: readonly UnitKey[];
  text: string;
}

export interface TopicSeed {
  category: TopicCategory;
  title: string;
  description: string;
  proposedHandling: string;
  submitter: UnitKey;
  related: readonly UnitKey[];
  /** What the meeting decides on this topic: each becomes a resolution with its lead and co-units. */
  resolutions: readonly ResolutionSeed[];
  /** Raised by a citizen's complaint: the topic carries 投诉举报人信息. */
  complaint?: boolean;
  urgent?: boolean;
}

export const TOPIC_SEEDS: readonly TopicSeed[] = [
  {
    category: 'responsibility_boundary',
    title: '{place}沿街店铺违法搭建雨棚的查处分工',
    description:
      '{place}沿街店铺擅自搭建雨棚、外扩经营面积，群众多次投诉。综合执法队认为涉及规划许可，应由区住建局认定；区住建局认为该事项已赋权乡镇，应由综合执法队查处。',
    proposedHandling: '按赋权事项清单明确由综合执法队立案查处，区住建局出具认定意见并做好业务指导。',
    submitter: 'team',
    related: ['housing', 'nr', 'group'],
    resolutions: [
      {
        lead: 'team',
        co: ['housing', 'nr', 'group'],
        text: '{place}沿街违法搭建雨棚由综合执法队依法立案查处，区住建局在5个工作日内出具认定意见。',
      },
      { lead: 'group', co: [], text: '东片包社区工作组会同社区网格员对沿街店铺开展排查，建立违法搭建台账。' },
    ],
    complaint: true,
  },
  {
    category: 'joint_enforcement',
    title: '{place}占道经营反复回潮的联合整治',
    description:
      '{place}早晚高峰流动摊贩占道经营反复回潮，影响通行和市容。单靠综合执法队劝离效果不佳，需市场监管、派出所等部门联合整治。',
    proposedHandling: '开展为期一个月的联合整治行动，设置临时疏导点，建立常态化巡查机制。',
    submitter: 'team',
    related: ['amr', 'police', 'group', 'social'],
    resolutions: [
      {
        lead: 'team',
        co: ['amr', 'police', 'group'],
        text: '由综合执法队牵头，区市场监管局、城关派出所配合，开展为期一个月的{place}占道经营联合整治行动。',
      },
      {
        lead: 'social',
        co: ['group'],
        text: '社会事务办会同东片包社区工作组选址设置临时疏导点，引导流动摊贩入点经营。',
      },
    ],
  },
  {
    category: 'responsibility_boundary',
    title: '{place}餐饮油烟扰民投诉的处置',
    description:
      '{place}多家餐饮店未安装油烟净化设施，油烟直排扰民。区生态环境局认为餐饮油烟处罚已赋权乡镇，综合执法队认为需生态环境部门出具检测报告，双方衔接不畅。',
    proposedHandling: '明确综合执法队负责查处，区生态环境局负责检测和技术支撑。',
    submitter: 'eco',
    related: ['team', 'amr'],
    resolutions: [
      {
        lead: 'team',
        co: ['eco'],
        text: '餐饮油烟扰民由综合执法队依法查处，区生态环境局在接到协助函后5个工作日内出具检测意见。',
      },
      {
        lead: 'amr',
        co: ['team'],
        text: '区市场监管局在餐饮经营许可审查时提示经营者安装油烟净化设施，并将许可信息抄告综合执法队。',
      },
    ],
    complaint: true,
  },
  {
    category: 'major_case_lead',
    title: '{place}河段夜间非法采砂线索',
    description: '群众举报{place}河段夜间有人使用挖掘机非法采砂，并用货车外运，涉案数量可能较大，涉嫌非法采矿。',
    proposedHandling: '由区自然资源局牵头查处，城关派出所配合开展夜间蹲守，涉嫌犯罪的依法移送公安机关。',
    submitter: 'group',
    related: ['nr', 'police', 'agri', 'team'],
    resolutions: [
      {
        lead: 'nr',
        co: ['police', 'agri', 'team'],
        text: '区自然资源局牵头对{place}河段非法采砂开展调查，城关派出所配合夜间蹲守，涉嫌犯罪的依法移送。',
      },
      { lead: 'team', co: ['group'], text: '综合执法队会同东片包社区工作组对河道沿线采砂通道设置物理隔离。' },
    ],
    complaint: true,
    urgent: true,
  },
  {
    category: 'case_transfer',
    title: '区市场监管局移送无证餐饮案件的受理情况',
    description:
      '区市场监管局在日常监管中发现{place}两家餐饮店未取得食品经营许可，已于3个工作日内将案件移送综合执法队，需通报受理及办理进展。',
    proposedHandling: '综合执法队在5个工作日内书面告知移送单位受理情况，办理结果抄告区市场监管局。',
    submitter: 'amr',
    related: ['team'],
    resolutions: [
      {
        lead: 'team',
        co: ['amr'],
        text: '综合执法队在5个工作日内书面告知区市场监管局受理情况，并将处理结果及时抄告。',
      },
    ],
  },
  {
    category: 'enforcement_assistance',
    title: '拆除{place}违法建设请求派出所到场协助',
    description:
      '综合执法队拟对{place}一处已下达限期拆除决定的违法建设实施强制拆除，当事人情绪激烈，需派出所派员到场维护秩序。',
    proposedHandling: '发出执法协助函，城关派出所按协助时限派员到场。',
    submitter: 'team',
    related: ['police', 'justice'],
    resolutions: [
      {
        lead: 'police',
        co: ['justice'],
        text: '城关派出所在收到协助函后按时派员到场维护秩序，司法所对强制拆除程序进行法制审核。',
      },
    ],
  },
  {
    category: 'information_sharing',
    title: '行政许可信息向综合执法队共享的方式',
    description: '各职能科室、区直部门作出的行政许可、备案登记等决定未及时抄告综合执法队，导致批后监管和查处衔接不畅。',
    proposedHandling: '建立每月信息共享台账，由联席会议办公室汇总通报。',
    submitter: 'team',
    related: ['amr', 'housing', 'nr', 'econ'],
    resolutions: [
      {
        lead: 'team',
        co: ['amr', 'housing', 'nr'],
        text: '各成员单位每月5日前将上月与赋权事项相关的许可、备案信息报送联席会议办公室，由综合执法队汇总共享。',
      },
    ],
  },
  {
    category: 'law_application',
    title: '农村村民超面积建房的法律适用',
    description:
      '{place}村民翻建住房超出批准面积，综合执法队对应适用《土地管理法》还是《城乡规划法》存在疑问，需明确执法依据和裁量基准。',
    proposedHandling: '由司法所会同区自然资源局、区农业农村局研究提出法律适用意见。',
    submitter: 'team',
    related: ['justice', 'nr', 'agri'],
    resolutions: [
      {
        lead: 'justice',
        co: ['nr', 'agri'],
        text: '司法所会同区自然资源局、区农业农村局在15个工作日内提出农村超面积建房法律适用意见。',
      },
    ],
  },
  {
    category: 'work_report',
    title: '综合执法队季度执法工作情况汇报',
    description: '汇报本季度巡查、立案、结案、案件移送及投诉举报办理情况，分析存在的问题，提出下一阶段工作打算。',
    proposedHandling: '听取汇报，部署下一阶段工作。',
    submitter: 'team',
    related: ['office'],
    resolutions: [
      { lead: 'team', co: ['office'], text: '综合执法队按季度形成执法工作情况报告，于每季度末报联席会议办公室。' },
    ],
  },
  {
    category: 'responsibility_boundary',
    title: '建筑垃圾偷倒乱倒的源头管控',
    description:
      '{place}周边空地多次出现夜间偷倒建筑垃圾现象。源头工地监管、运输车辆管理和末端处置分属不同部门，需厘清职责边界。',
    proposedHandling: '区住建局负责工地源头管控，综合执法队负责偷倒行为查处，派出所配合查处运输车辆。',
    submitter: 'group',
    related: ['housing', 'team', 'police'],
    resolutions: [
      {
        lead: 'housing',
        co: ['team', 'police'],
        text: '区住建局落实建筑工地建筑垃圾源头管控，综合执法队对偷倒乱倒行为依法查处，城关派出所配合查处违规运输车辆。',
      },
    ],
    complaint: true,
  },
  {
    category: 'case_transfer',
    title: '{place}生猪养殖场污水直排问题的移送',
    description:
      '东片包社区工作组巡查发现{place}一家生猪养殖场污水直排沟渠，经初步核实属区生态环境局管辖，需按案件移送制度移送。',
    proposedHandling: '形成基本违法事实书面材料，3个工作日内移送区生态环境局。',
    submitter: 'group',
    related: ['eco', 'agri'],
    resolutions: [
      {
        lead: 'eco',
        co: ['agri'],
        text: '区生态环境局对{place}生猪养殖场污水直排依法查处，区农业农村局督促养殖场完善粪污处理设施。',
      },
    ],
  },
  {
    category: 'joint_enforcement',
    title: '无证食品小作坊的排查与取缔',
    description: '{place}存在多家无证食品小作坊，卫生条件差，存在食品安全隐患，需市场监管、综合执法队联合排查。',
    proposedHandling: '区市场监管局牵头排查建档，能规范的指导办证，不能规范的依法取缔。',
    submitter: 'amr',
    related: ['team', 'econ'],
    resolutions: [
      {
        lead: 'amr',
        co: ['team', 'econ'],
        text: '区市场监管局牵头在一个月内完成{place}食品小作坊排查建档，综合执法队配合依法取缔。',
      },
    ],
  },
  {
    category: 'responsibility_boundary',
    title: '秸秆露天焚烧的巡查与处罚分工',
    description: '夏收、秋收期间秸秆露天焚烧时有发生。巡查发现、劝阻、处罚分别由哪个单位负责不够清晰，需明确分工。',
    proposedHandling: '包社区工作组负责巡查劝阻，综合执法队负责处罚，区农业农村局负责秸秆综合利用指导。',
    submitter: 'agri',
    related: ['team', 'eco', 'group'],
    resolutions: [
      {
        lead: 'group',
        co: ['team', 'eco'],
        text: '东片包社区工作组落实秸秆禁烧网格巡查，发现焚烧行为立即劝阻并告知综合执法队查处。',
      },
    ],
  },
  {
    category: 'joint_enforcement',
    title: '渣土车沿途撒漏的联合执法',
    description: '{place}道路渣土车沿途撒漏、带泥上路问题突出，群众反映强烈。',
    proposedHandling: '综合执法队、派出所、区住建局联合设卡检查。',
    submitter: 'team',
    related: ['police', 'housing'],
    resolutions: [
      {
        lead: 'team',
        co: ['police', 'housing'],
        text: '综合执法队会同城关派出所、区住建局每周开展不少于两次渣土车联合检查。',
      },
    ],
  },
  {
    category: 'other',
    title: '执法人员持证上岗与培训安排',
    description: '综合执法队部分新进人员尚未取得行政执法证件，需安排培训考试，并开展执法文书规范化培训。',
    proposedHandling: '司法所制定年度培训计划，区直部门派员授课。',
    submitter: 'justice',
    related: ['team', 'amr', 'eco', 'nr'],
    resolutions: [
      {
        lead: 'justice',
        co: ['team', 'amr', 'eco'],
        text: '司法所制定年度执法人员培训计划，区直各执法部门按计划派员授课。',
      },
    ],
  },
  {
    category: 'other',
    title: '投诉举报首问责任落实情况',
    description: '通报首问责任制度落实情况：部分投诉举报在单位间转办过程中未及时告知投诉人，存在推诿现象。',
    proposedHandling: '明确首问单位告知义务，纳入督查。',
    submitter: 'discipline',
    related: ['team', 'office', 'justice'],
    resolutions: [
      {
        lead: 'office',
        co: ['team', 'discipline'],
        text: '党政办建立投诉举报转办登记台账，首问单位在转办后告知投诉人，纪工委纳入督查。',
      },
    ],
  },
  {
    category: 'information_sharing',
    title: '乡镇赋权事项清单动态调整',
    description: '区里新下放一批行政处罚事项，需对本镇承接事项清单进行动态调整，并同步执法依据和裁量基准。',
    proposedHandling: '司法所牵头梳理，各区直部门提供执法依据、文书样式和裁量基准。',
    submitter: 'justice',
    related: ['amr', 'eco', 'nr', 'housing', 'agri', 'team'],
    resolutions: [
      {
        lead: 'justice',
        co: ['amr', 'eco', 'nr'],
        text: '司法所牵头梳理新赋权事项，区直各执法部门在10个工作日内提供执法依据、文书样式和裁量基准。',
      },
    ],
  },
  {
    category: 'case_transfer',
    title: '涉嫌犯罪案件向公安机关移送的衔接',
    description: '{place}一起非法占用农用地案件，占地面积可能达到刑事立案标准，需研究向公安机关移送的程序和证据要求。',
    proposedHandling: '区自然资源局完成面积测绘后依法移送，派出所提前介入指导取证。',
    submitter: 'nr',
    related: ['police', 'justice', 'team'],
    resolutions: [
      {
        lead: 'nr',
        co: ['police', 'justice', 'team'],
        text: '区自然资源局完成{place}占地面积测绘后依法移送公安机关，城关派出所提前介入指导取证。',
      },
    ],
    urgent: true,
  },
  {
    category: 'joint_enforcement',
    title: '耕地“非农化”问题联合巡查',
    description: '{place}发现多处在耕地上堆放建材、硬化场地的情况，需自然资源、农业农村与综合执法队联合巡查。',
    proposedHandling: '建立每月联合巡查机制，发现一处、制止一处、查处一处。',
    submitter: 'agri',
    related: ['nr', 'team', 'group'],
    resolutions: [
      {
        lead: 'nr',
        co: ['agri', 'team'],
        text: '区自然资源局牵头建立耕地保护每月联合巡查机制，区农业农村局、综合执法队配合。',
      },
    ],
  },
  {
    category: 'jurisdiction_dispute',
    title: '{place}违规户外广告设置的查处主体',
    description: '{place}新设大型户外广告牌未经审批，综合执法队与区住建局对查处主体认识不一致。',
    proposedHandling: '提请联席会议明确查处主体。',
    submitter: 'team',
    related: ['housing'],
    resolutions: [
      {
        lead: 'team',
        co: ['housing'],
        text: '{place}违规户外广告由综合执法队依法查处，区住建局提供设置规划和安全评估意见。',
      },
    ],
  },
  {
    category: 'major_case_lead',
    title: '{place}疑似非法占用耕地挖塘线索',
    description: '无人机巡查发现{place}一处耕地被挖塘养鱼，面积较大，可能涉及非法占用农用地。',
    proposedHandling: '区自然资源局、区农业农村局联合核查，城关派出所视情介入。',
    submitter: 'nr',
    related: ['agri', 'police', 'team'],
    resolutions: [
      {
        lead: 'nr',
        co: ['agri', 'police', 'team'],
        text: '区自然资源局会同区农业农村局在5个工作日内完成{place}现场核查，形成处置意见。',
      },
    ],
    urgent: true,
  },
  {
    category: 'enforcement_assistance',
    title: '噪声扰民案件检测协助',
    description: '{place}一处加工厂夜间生产噪声扰民，综合执法队查处需区生态环境局出具噪声检测报告。',
    proposedHandling: '发协助函，区生态环境局在5个工作日内出具检测意见。',
    submitter: 'team',
    related: ['eco'],
    resolutions: [
      { lead: 'eco', co: ['team'], text: '区生态环境局在收到协助函后5个工作日内完成{place}噪声检测并出具报告。' },
    ],
    complaint: true,
  },
];

export interface DisputeSeed {
  type: 'jurisdiction' | 'responsibility' | 'law_application' | 'transfer' | 'assistance';
  matter: string;
  parties: readonly UnitKey[];
  /** Party that must keep enforcing while the dispute lasts (先行处理单位). */
  first: UnitKey;
  /** Position per party, in the order of `parties`. */
  positions: readonly string[];
  relatedCase?: string;
  agreement: string;
  /** Unit the district government designates when the dispute is escalated. */
  designated: UnitKey;
  focus: string;
}

export const DISPUTE_SEEDS: readonly DisputeSeed[] = [
  {
    type: 'jurisdiction',
    matter: '{place}农房违法加建的查处主体',
    parties: ['team', 'housing'],
    first: 'team',
    positions: [
      '该房屋加建涉及结构安全，需住建部门先行鉴定并认定违法事实，综合执法队无鉴定能力。',
      '农村违法建设查处已列入乡镇赋权事项清单，应由综合执法队立案查处，住建局可提供技术支持。',
    ],
    relatedCase: '城关综执立〔{year}〕{n}号',
    agreement: '由综合执法队立案查处，区住建局在5个工作日内出具房屋安全鉴定意见并派员指导。',
    designated: 'team',
    focus: '违法建设认定与查处职责的划分',
  },
  {
    type: 'jurisdiction',
    matter: '{place}河道非法采砂的管辖',
    parties: ['nr', 'agri'],
    first: 'nr',
    positions: [
      '河道内采砂属河道管理范畴，应由水行政主管部门管理，本局仅负责矿产资源。',
      '涉案砂石属于矿产资源，非法采砂应按非法采矿由自然资源部门查处。',
    ],
    agreement: '由区自然资源局立案查处，区农业农村局提供河道管理范围资料并配合调查。',
    designated: 'nr',
    focus: '河道采砂中矿产资源与河道管理职责的交叉',
  },
  {
    type: 'responsibility',
    matter: '餐饮油烟排放超标的执法职责',
    parties: ['eco', 'team'],
    first: 'team',
    positions: [
      '餐饮油烟处罚事项已下放乡镇，本局负责检测和技术指导。',
      '油烟超标需检测认定，综合执法队缺乏检测手段，应由生态环境部门查处。',
    ],
    agreement: '综合执法队负责查处，区生态环境局接到协助函后5个工作日内出具检测报告。',
    designated: 'team',
    focus: '处罚权下放后检测认定职责的归属',
  },
  {
    type: 'responsibility',
    matter: '{place}占道经营与无照经营的职责边界',
    parties: ['amr', 'team'],
    first: 'team',
    positions: [
      '占道经营属市容管理，应由综合执法队查处。',
      '当事人同时无照经营，无照经营应由市场监管部门查处，不宜由综合执法队一并处理。',
    ],
    agreement: '占道行为由综合执法队查处，无照经营线索由综合执法队书面移送区市场监管局。',
    designated: 'team',
    focus: '同一当事人多个违法行为的查处分工',
  },
  {
    type: 'transfer',
    matter: '移送的小作坊无证生产案件受理争议',
    parties: ['team', 'amr'],
    first: 'amr',
    positions: [
      '食品小作坊无证生产涉及食品安全专业判断，已按规定移送区市场监管局。',
      '该事项已赋权乡镇，不属于本局管辖，拟退回移送。',
    ],
    relatedCase: '城关综执移〔{year}〕{n}号',
    agreement: '本案由区市场监管局受理查处，今后同类案件按赋权清单由综合执法队查处。',
    designated: 'amr',
    focus: '移送案件受移送单位认为不属于本单位管辖',
  },
  {
    type: 'law_application',
    matter: '耕地上堆放建筑垃圾的法律适用',
    parties: ['nr', 'agri', 'team'],
    first: 'team',
    positions: [
      '应适用《土地管理法》按破坏耕地处理。',
      '属于建筑垃圾乱倒，应适用固体废物和市容管理规定。',
      '适用依据不明确，请联席会议明确后依法查处。',
    ],
    agreement: '按《土地管理法》由区自然资源局认定破坏耕地事实，综合执法队对乱倒行为依法查处。',
    designated: 'nr',
    focus: '同一行为适用不同法律规范的选择',
  },
  {
    type: 'assistance',
    matter: '强制拆除违法建设的执法协助',
    parties: ['team', 'police'],
    first: 'team',
    positions: [
      '强制拆除现场可能发生阻挠，请求派出所派员维护秩序。',
      '警力紧张，现场未发生违法犯罪行为前不宜提前介入。',
    ],
    agreement: '城关派出所收到协助函后按时派员到场维护秩序，综合执法队提前通报现场风险。',
    designated: 'police',
    focus: '执法协助请求能否以警力不足为由拒绝',
  },
  {
    type: 'responsibility',
    matter: '{place}建筑工地夜间施工噪声的监管',
    parties: ['housing', 'eco'],
    first: 'housing',
    positions: ['噪声污染防治属生态环境部门职责。', '建筑施工噪声由住建部门在施工许可和工地管理中监管。'],
    agreement: '区住建局负责施工工地夜间施工审批与日常监管，区生态环境局负责噪声监测。',
    designated: 'housing',
    focus: '建筑施工噪声的日常监管主体',
  },
];

export const LEAVE_REASONS = [
  '参加区里集中培训',
  '外出执行公务',
  '病假',
  '参加上级部门会议',
  '现场处置突发事件',
  '带队开展专项检查',
] as const;

export const MEETING_PLACES = ['镇政府三楼会议室', '综合执法队二楼会议室', '镇政府一楼小会议室'] as const;
export const CONSULTATION_PLACES = ['综合执法队二楼会议室', '城关派出所会议室', '区政府第二会议室'] as const;

export const INSTRUCTION_TITLES = [
  '传达区委、区政府关于深化乡镇综合行政执法改革的部署要求',
  '传达全区行政执法协调监督工作会议精神',
  '传达《关于加强乡镇（街道）行政执法规范化建设的指导意见》',
  '传达区政府关于开展“一支队伍管执法”专项督查的通知精神',
] as const;

export const GENERAL_RESOLUTIONS = [
  '各成员单位于{date}前将本季度行政执法工作情况书面报送联席会议办公室。',
  '各成员单位明确一名联络员，负责案件移送、受理等日常联络，名单报联席会议办公室备案。',
  '各成员单位对照赋权事项清单开展自查，于{date}前将自查情况报送司法所。',
] as const;

export const CANCEL_REASONS = [
  '主要议题已在区级专题会议上研究解决，本次会议取消。',
  '因防汛应急响应，原定会议取消，议题顺延至下次会议。',
] as const;

export const RETURN_REASONS = [
  '议题材料不全，请补充现场检查记录和照片后重新提交。',
  '该事项属本单位职责范围内的日常工作，不需提交联席会议研究。',
  '情况说明未写明争议焦点和各方意见，请补充后重新提交。',
] as const;

export const ESCALATION_REASONS = [
  '涉及多个区直部门职责调整，联席会议层面难以解决，提交党政联席会议研究决定。',
  '涉及资金保障和人员编制，提交党政联席会议研究决定。',
] as const;

export const PROGRESS_TEXTS = [
  '已召开专题部署会，明确责任人和时间节点。',
  '已完成现场摸排，建立问题台账，正在逐一整改。',
  '已向当事人送达责令改正通知书。',
  '已立案调查，正在调取证据材料。',
  '已完成阶段性工作，剩余事项正在推进。',
  '已与配合单位召开对接会，形成工作方案。',
] as const;

export const DONE_TEXTS = [
  '已按会议纪要要求办结，相关佐证材料已报送联席会议办公室，请核验。',
  '整改已全部完成，已形成书面报告，请予核验。',
] as const;

export const REMINDER_TEXTS = [
  '该事项已临近办理期限，请抓紧办理并及时报送进展。',
  '该事项已超过办理期限，请说明原因并于3个工作日内报送办理情况。',
] as const;

export const COMMENT_TEXTS = [
  '请注意保存执法全过程记录，确保程序合法。',
  '进展报告过于简单，请补充具体措施和完成时间。',
  '配合单位应主动对接，不得推诿。',
] as const;

export const VERIFICATION_TEXTS = [
  '经核验，该事项已按会议纪要要求办结，佐证材料齐全，同意办结。',
  '经现场核验，整改到位，同意销号。',
] as const;

export const CANNOT_COMPLETE_REASONS = [
  '涉及跨区域管辖，需区级层面统筹协调，本单位无法单独办结，已提请党政联席会议研究。',
  '当事人已提起行政诉讼，需待法院裁判后依法处理。',
] as const;
