import { describe, expect, it } from 'vitest';
import {
  displayFileName,
  personInputSchema,
  textProblem,
  topicInputSchema,
  unitInputSchema,
} from '../../../shared/domain';

const HOSTILE: [string, string, RegExp][] = [
  ['lone high surrogate', '农贸\uD83D市场', /无法识别的字符/],
  ['lone low surrogate', '农贸\uDE00市场', /无法识别的字符/],
  ['U+FFFE', '农贸\uFFFE市场', /U\+FFFE/],
  ['U+FFFF', '农贸\uFFFF市场', /U\+FFFE\/U\+FFFF/],
  ['C0 control', '农贸\u0007市场', /控制字符/],
  ['C1 control', '农贸\u0085市场', /控制字符/],
  ['RLO', 'invoice\u202Egpj.pdf', /文字方向/],
  ['LRI', '农贸\u2066市场', /文字方向/],
  ['RLM', '农贸\u200F市场', /文字方向/],
];

describe('text hygiene at the schema boundary', () => {
  it.each(HOSTILE)('%s is refused in a name and in a paragraph', (_n, s, message) => {
    expect(textProblem(s, 'line')).toMatch(message);
    expect(textProblem(s, 'multiline')).toMatch(message);
  });

  it('keeps what belongs: emoji pairs, rare characters, and line breaks in paragraphs only', () => {
    expect(textProblem('城关镇😀𠀀综合执法队', 'line')).toBeUndefined();
    expect(textProblem('第一段\n第二段\t缩进', 'multiline')).toBeUndefined();
    expect(textProblem('城关镇\n执法队', 'line')).toBe('不能包含换行或制表符');
    expect(textProblem('城关镇\t执法队', 'line')).toBe('不能包含换行或制表符');
  });

  it('names the field in the message, for every kind of record', () => {
    const unit = unitInputSchema.safeParse({ name: '区市场\uD83D监管局', kind: 'district_department' });
    expect(unit.success).toBe(false);
    expect(unit.error?.issues[0]?.message).toBe(
      '单位名称含有无法识别的字符（不完整的表情或生僻字编码），请删除后重新输入',
    );
    const person = personInputSchema.safeParse({ name: '王\u202E丽', unitId: 'u1', role: 'member' });
    expect(person.error?.issues[0]?.message).toMatch(/^姓名含有改变文字方向的控制字符/);
    const topic = topicInputSchema.safeParse({
      title: '夜市\n噪声',
      submittingUnitId: 'u1',
      category: 'jurisdiction_dispute',
      description: '情况说明\n第二段',
      urgency: 'normal',
      relatedUnitIds: [],
    });
    expect(topic.error?.issues.map((i) => i.message)).toContain('议题名称不能包含换行或制表符');
    expect(topic.error?.issues.map((i) => i.path[0])).not.toContain('description');
  });

  it('shows a stored file name without its direction controls', () => {
    expect(displayFileName('invoice\u202Egpj.pdf')).toBe('invoicegpj.pdf');
    expect(displayFileName('会议材料.docx')).toBe('会议材料.docx');
    // Control characters from a file system or an archive entry name are not shown either.
    expect(displayFileName('a\u0000b\u001b[31m\u0085c.xlsx')).toBe('ab[31mc.xlsx');
  });
});
