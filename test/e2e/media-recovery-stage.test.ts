import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WAIT } from '../support/lounge-page.ts';
import {
  goLiveWithCamera,
  janusPids,
  openStageHall,
  received,
  type StageHall,
  waitForReceived,
} from './media-stage-hall.ts';

// The server's Janus killed (-9) during a live event: members keep the event in text (an announcement arrives),
// see "Reconnecting", and the stage's sound and camera come back by themselves on new PeerConnections, no reload.

let hall: StageHall | undefined;

beforeAll(async () => {
  hall = await openStageHall('layover-stage-recovery-');
}, 420_000);

afterAll(async () => {
  await hall?.close();
});

describe('stage media after the media server dies', () => {
  it('keeps the event in text and resumes sound and video without a reload', {
    timeout: 300_000,
  }, async () => {
    const { host, linh, quan, dir } = hall!;
    await goLiveWithCamera(host);
    for (const page of [linh, quan]) {
      await waitForReceived(page, (now) => now.framesDecoded > 0, 'camera frames before the kill');
      await page.getByTestId('stage-listen').press('Enter');
      await waitForReceived(page, (now) => now.audioEnergy > 0, 'audio before the kill');
    }
    const before = await linh.evaluate(() => {
      const stage = (window as unknown as { __layoverStage: { received: () => RTCPeerConnection[] } })
        .__layoverStage;
      (window as unknown as { __oldPcs: RTCPeerConnection[] }).__oldPcs = stage.received();
      return stage.received().length;
    });
    expect(before).toBeGreaterThan(0);
    // A marker that only a reload would clear.
    await linh.evaluate(() => {
      (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
    });

    const pids = janusPids(dir);
    expect(pids.length).toBeGreaterThan(0);
    const killedAt = Date.now();
    for (const pid of pids) process.kill(pid, 'SIGKILL');

    await linh.getByTestId('stage-media-status').filter({ hasText: 'Reconnecting' }).waitFor(WAIT);
    // The event goes on in text: the host's announcement reaches both instances while media is down or coming back.
    const hostPanel = host.getByTestId('host-panel');
    await hostPanel.waitFor(WAIT);
    const announce = host.getByTestId('host-announce-text');
    await announce.fill('Sound is coming back, stay with us');
    await announce.press('Enter');
    for (const page of [linh, quan])
      await expect
        .poll(
          () =>
            page
              .getByTestId('event-announcement')
              .textContent()
              .catch(() => ''),
          WAIT,
        )
        .toContain('Sound is coming back');

    for (const [name, page] of [
      ['Linh', linh],
      ['Quan', quan],
    ] as const) {
      const back = await waitForReceived(
        page,
        (now) => now.framesDecoded > 0 && now.audioEnergy > 0,
        `${name}'s stage comes back`,
        120_000,
      );
      console.log(
        `[stage-av] ${name}: media back ${Date.now() - killedAt} ms after kill -9 of Janus (polled)`,
      );
      await waitForReceived(page, (now) => now.framesDecoded > back.framesDecoded, `${name}'s frames go on`);
    }
    const fresh = await linh.evaluate(() => {
      const w = window as unknown as {
        __oldPcs: RTCPeerConnection[];
        __sameDocument?: boolean;
        __layoverStage: { received: () => RTCPeerConnection[]; status: () => string };
      };
      return {
        sameDocument: w.__sameDocument === true,
        newPcs: w.__layoverStage.received().every((pc) => !w.__oldPcs.includes(pc)),
        status: w.__layoverStage.status(),
      };
    });
    expect(fresh).toEqual({ sameDocument: true, newPcs: true, status: 'live' });
    expect(janusPids(dir).some((pid) => !pids.includes(pid))).toBe(true);
    expect((await received(quan)).screen).toBe('video');
  });
});
