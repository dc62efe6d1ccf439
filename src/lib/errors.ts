/**
 * A mistake in the input (a source file, the curation file, a gazetteer): reported to the editor
 * as one line naming the file and, where known, the line — never as a stack trace.
 */
export class InputError extends Error {
  readonly file: string;
  readonly line: number | undefined;

  constructor(file: string, message: string, line?: number) {
    super(message);
    this.name = 'InputError';
    this.file = file;
    this.line = line;
  }

  /** `content/sources/x.txt:3: published is not a real date (2025-02-30)` */
  toLine(): string {
    return `${this.file}${this.line === undefined ? '' : `:${this.line}`}: ${this.message}`;
  }
}
