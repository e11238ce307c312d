/** The name the member's export is saved under. */
export const MY_DATA_FILENAME = 'layover-my-data.json';

export interface DownloadFile {
  name: string;
  blob: Blob;
}

/** The member's export as a readable JSON file (indented, ending in a newline). */
export function myDataFile(data: unknown): DownloadFile {
  const text = `${JSON.stringify(data, null, 2)}\n`;
  return { name: MY_DATA_FILENAME, blob: new Blob([text], { type: 'application/json' }) };
}

/** Saves a file through a temporary `<a download>`; the object URL is released once the click has started it. */
export function saveFile({ name, blob }: DownloadFile, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
