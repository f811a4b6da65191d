// The parser as it was before it walked its input in one pass (see README.md): the reference the
// new one must agree with, on every input it can read.
export { parseIssueLines, parseIssueText } from './parse';
export { decodeLines } from '../../../../src/core/parse/text';
