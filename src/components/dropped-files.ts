/**
 * The files of a drop, folders walked. Entries and files must be taken from the DataTransfer
 * while its event runs (it is emptied afterwards); only reading a dropped folder's contents
 * happens later, through the entries taken.
 */

type Entry = FileSystemEntry;

function isDirectory(entry: Entry | null | undefined): entry is FileSystemDirectoryEntry {
  return !!entry && entry.isDirectory;
}

/** Call synchronously inside the drop event; the returned promise may settle later. */
export function filesFromDataTransfer(data: DataTransfer | null): Promise<File[]> {
  if (!data) return Promise.resolve([]);
  const items = [...(data.items ?? [])].filter((item) => item.kind === 'file');
  const entries = items.map((item) => item.webkitGetAsEntry?.() ?? null);
  if (!entries.some(isDirectory)) return Promise.resolve([...data.files]);
  // Mixed drops keep their order: files as they are, folders in place of their contents.
  const parts = items.map((item, index) => {
    const entry = entries[index];
    if (isDirectory(entry)) return readDirectory(entry);
    const file = item.getAsFile();
    return Promise.resolve(file ? [file] : []);
  });
  return Promise.all(parts).then((lists) => lists.flat());
}

/** Every file under a folder, depth first; `readEntries` answers in batches until it returns none. */
export async function readDirectory(directory: FileSystemDirectoryEntry): Promise<File[]> {
  const reader = directory.createReader();
  const files: File[] = [];
  for (;;) {
    const batch = await new Promise<Entry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) return files;
    for (const entry of batch) {
      if (isDirectory(entry)) files.push(...(await readDirectory(entry)));
      else if (entry.isFile)
        files.push(
          await new Promise<File>((resolve, reject) =>
            (entry as FileSystemFileEntry).file(resolve, reject),
          ),
        );
    }
  }
}
