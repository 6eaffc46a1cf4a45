/**
 * Texts only the ten-year district profile uses: the further decisions a busy district's meeting takes
 * on a matter besides its main ones, and the background and views the office writes in a long 纪要.
 * `{place}` is the matter's place; "N个工作日内" in a text sets its 完成时限 (build-minutes.ts).
 */
export const FOLLOW_UP_DECISIONS = [
  '对{place}整治情况开展“回头看”，巩固整治成果，防止问题反弹，10个工作日内报送回头看情况。',
  '建立{place}问题台账，逐项明确责任人和完成时限，实行销号管理。',
  '加强{place}日常巡查，发现问题及时移交相关部门依法处置，巡查情况每月报联席会议办公室。',
  '做好{place}整治的政策宣传和群众解释工作，及时回应群众关切。',
  '对{place}涉及的违法行为依法立案查处，查处结果15个工作日内报联席会议办公室。',
  '会同相关单位研究制定{place}长效管理办法，形成制度成果。',
  '对{place}的执法情况开展专项督查，督查结果在下次联席会议上通报。',
  '完善{place}执法信息共享机制，每月通报一次执法数据和线索移送情况。',
  '对{place}整治中发现的职责交叉问题梳理形成清单，20个工作日内报司法所审核。',
  '组织相关执法人员开展{place}有关法律法规专题培训，提升联合执法规范化水平。',
] as const;

export const BACKGROUND_OPENERS = ['据汇报，', '经前期调查，', '从群众反映和日常巡查情况看，'] as const;

export const DISTRICT_VIEWS = [
  '会议强调，各相关单位要坚持问题导向，把群众反映强烈的问题作为整治重点，做到发现一起、查处一起、整改一起。',
  '会议强调，要严格落实行政执法“三项制度”，规范执法程序，做到严格规范公正文明执法。',
  '会议强调，牵头单位要主动担当、统筹协调，配合单位要密切协作、积极配合，杜绝推诿扯皮。',
  '会议强调，要注重源头治理和长效管理，综合运用教育、劝导、处罚等手段，防止问题反复。',
] as const;
