import { afterEach, describe, expect, it, vi } from 'vitest';
import { MY_DATA_FILENAME, myDataFile, saveFile } from '../../client/account/myDataFile.ts';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Just enough of a Document for saveFile: records the link it builds and what happened to it. */
function fakeDocument() {
  const events: string[] = [];
  const link = {
    href: '',
    download: '',
    hidden: false,
    click: () => events.push(`click ${link.download}`),
    remove: () => events.push('remove'),
  };
  const doc = {
    createElement: (tag: string) => {
      events.push(`create ${tag}`);
      return link;
    },
    body: { append: () => events.push('append') },
  } as unknown as Document;
  return { doc, link, events };
}

describe('the member data download', () => {
  it('is named layover-my-data.json and holds the export as indented JSON', async () => {
    const file = myDataFile({ member: { id: 'm1', displayName: 'Mei' }, stamps: [] });
    expect(file.name).toBe(MY_DATA_FILENAME);
    expect(file.name).toBe('layover-my-data.json');
    expect(file.blob.type).toBe('application/json');
    expect(await file.blob.text()).toMatchInlineSnapshot(`
      "{
        "member": {
          "id": "m1",
          "displayName": "Mei"
        },
        "stamps": []
      }
      "
    `);
  });

  it('saves through a hidden temporary link, then releases the object URL', () => {
    vi.useFakeTimers();
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    const { doc, link, events } = fakeDocument();
    saveFile(myDataFile({ ok: true }), doc);
    expect(events).toEqual(['create a', 'append', 'click layover-my-data.json', 'remove']);
    expect(link.hidden).toBe(true);
    expect(link.href).toMatch(/^blob:/);
    expect(revoke).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(revoke).toHaveBeenCalledWith(link.href);
  });
});
