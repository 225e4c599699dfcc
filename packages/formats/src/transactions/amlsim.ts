export function isAmlsimHeader(_line: string): boolean {
  return false;
}
