/** 发文字号's number: empty (left blank in the notice) or a whole number from 1 to 9999. */
export function noticeNumberOk(n: number | undefined): boolean {
  return n === undefined || (Number.isInteger(n) && n >= 1 && n <= 9999);
}
