/**
 * A lenient multipart/form-data parser for the loopback fakes. Not undici's
 * `Response.formData()`: grammY writes `filename=申报.docx` unquoted and
 * without spaces, which the real Bot API accepts and undici rejects.
 */
export interface MultipartFile {
  name: string;
  type: string;
  data: Buffer;
}

export function parseMultipart(body: Buffer, contentType: string | undefined): Map<string, string | MultipartFile> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? "");
  const form = new Map<string, string | MultipartFile>();
  if (!boundary) return form;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    const partStart = at + delimiter.length + 2; // skip CRLF after the delimiter
    const next = body.indexOf(delimiter, partStart);
    if (next === -1) break;
    const part = body.subarray(partStart, next - 2); // drop CRLF before the next delimiter
    const headerEnd = part.indexOf("\r\n\r\n");
    const headers = part.subarray(0, headerEnd).toString("utf8");
    const data = part.subarray(headerEnd + 4);
    const name = /name="?([^";\r\n]+)"?/i.exec(headers.replace(/filename=[^;\r\n]*/i, ""))?.[1];
    const filename = /filename="?([^";\r\n]+)"?/i.exec(headers)?.[1];
    const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? "application/octet-stream";
    if (name) form.set(name, filename === undefined ? data.toString("utf8") : { name: filename, type, data: Buffer.from(data) });
    at = next;
  }
  return form;
}

