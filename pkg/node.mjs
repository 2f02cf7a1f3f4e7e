// Node entry (ES module): the same instance as node.cjs, so errors and parsers are shared.
import api from './node.cjs';

export const { parse, parseEhlo, classify, classifyMany, retryDelay, explain, codes, reasons, ReplyParser, SmtpReplyError, init } = api;
export default api;
