import { crc32, deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, snap, withDemoSchool } from './harness';

/** A small real PNG (a red square): the browser shell shows images and PDFs in a tab of their own. */
function png(size: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([head, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3, Buffer.from([200, 30, 30]))]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: size }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An anonymous intake with a picture attached, opened in its own tab from the intake's page. */
async function openPictureTab(page: Page): Promise<{ tab: Page; load: () => Promise<string> }> {
  await page.getByRole('button', { name: 'Vergrendelen' }).waitFor();
  const { id } = await api(page, 'intakes.create', { studentId: null, anonymousYearLevel: 2, seriesId: null });
  await api(page, 'attachments.add', {
    intakeId: id,
    consentId: null,
    fileName: 'Foto rapport.png',
    contentBase64: png(40).toString('base64'),
  });
  await page.evaluate((intakeId) => (window.location.hash = `#/aanmeldingen/${intakeId}`), id);

  const opening = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Foto rapport.png openen' }).click();
  const tab = await opening;
  await tab.waitForLoadState();
  const address = tab.url();
  expect(address).toMatch(/^blob:http:\/\/127\.0\.0\.1:\d+\//);
  // Whether the address still gives the picture (as an image: the page's CSP allows blob: images, not fetches).
  const load = () =>
    page.evaluate(
      (url) =>
        new Promise<string>((done) => {
          const image = new Image();
          image.onload = () => done(`geladen ${image.naturalWidth}`);
          image.onerror = () => done('ingetrokken');
          image.src = url;
        }),
      address,
    );
  expect(await load()).toBe('geladen 40');
  return { tab, load };
}

describe('browser shell: an attachment opened in a tab does not outlive the lock', () => {
  it('closes the tab and revokes its address when the vault locks', async () => {
    await withDemoSchool('zorgoverleg-e2e-attachment-lock-', async (page) => {
      const { tab, load } = await openPictureTab(page);
      await snap(page, 'attachment-lock-01-open');
      await page.getByRole('button', { name: 'Vergrendelen' }).click();
      await page.getByRole('button', { name: 'Ontgrendelen' }).waitFor();
      await expect.poll(() => tab.isClosed()).toBe(true);
      expect(await load()).toBe('ingetrokken');
    });
  });

  it('also when the host locked the vault and the page, untouched, learns it from its next note', async () => {
    await withDemoSchool('zorgoverleg-e2e-attachment-hostlock-', async (page) => {
      const { tab, load } = await openPictureTab(page);
      // Locked elsewhere (as the host's idle lock does): this page makes no call of its own.
      const other = await page.context().newPage();
      await other.goto(new URL(page.url()).origin + '/');
      await api(other, 'vault.lock', {});
      await other.close();
      // Each page tells the host it is open every 30 s; the answer says the vault is locked.
      await expect.poll(() => tab.isClosed(), { timeout: 50_000 }).toBe(true);
      expect(await load()).toBe('ingetrokken');
      await page.getByRole('button', { name: 'Ontgrendelen' }).waitFor();
    });
  });
});
