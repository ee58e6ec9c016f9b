/** A file that cannot be read as a report. The message names the file and the reason. */
export class ReadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'ReadError';
  }
}
