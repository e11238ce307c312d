import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { WAIT } from '../support/lounge-page.ts';
import {
  goLiveWithCamera,
  openStageHall,
  received,
  type StageHall,
  waitForReceived,
} from './media-stage-hall.ts';

// The host goes live with camera and microphone in the first hall instance; Linh (same instance) and Quan (the
// overflow instance, on a phone-sized page) hear the host after pressing Tap to listen and see the camera's frames
// on the big screen: one Janus room per event reaches every instance.

let hall: StageHall | undefined;

beforeAll(async () => {
  hall = await openStageHall('layover-stage-av-');
}, 420_000);

afterAll(async () => {
  await hall?.close();
});

describe('the stage heard and seen in two hall instances', () => {
  it('sends the live host to Linh and Quan: audio energy after Tap to listen, video frames on the big screen', {
    timeout: 240_000,
  }, async () => {
    const { host, linh, quan } = hall!;
    const liveAt = Date.now();
    await goLiveWithCamera(host);
    await host.getByTestId('stage-media-live').waitFor(WAIT);

    for (const [name, page] of [
      ['Linh', linh],
      ['Quan', quan],
    ] as const) {
      const first = await waitForReceived(page, (now) => now.framesDecoded > 0, `${name} decodes the camera`);
      console.log(
        `[stage-av] ${name}: first video frame decoded ${Date.now() - liveAt} ms after Go live (polled)`,
      );
      expect(first.pcs).toBeGreaterThan(0);
      // Nothing plays before the member's click.
      expect(first.audible).toBe(false);
      await waitForReceived(page, (now) => now.screen === 'video', `${name}'s big screen shows the camera`);
    }

    for (const page of [linh, quan]) {
      const listen = page.getByTestId('stage-listen');
      await listen.waitFor(WAIT);
      expect(await listen.getAttribute('aria-pressed')).toBe('false');
      await listen.press('Enter');
      await expect.poll(() => listen.getAttribute('aria-pressed'), WAIT).toBe('true');
      const heard = await waitForReceived(page, (now) => now.audioEnergy > 0 && now.audible, 'audio energy');
      const more = await waitForReceived(page, (now) => now.audioEnergy > heard.audioEnergy, 'energy rises');
      const frames = await waitForReceived(
        page,
        (now) => now.framesDecoded > more.framesDecoded,
        'frames go on',
      );
      console.log(
        `[stage-av] audio energy ${heard.audioEnergy.toFixed(4)} -> ${more.audioEnergy.toFixed(4)}, frames ${frames.framesDecoded}`,
      );
    }

    // The host sees their own camera on the big screen too, and the stage strip passes axe on both sides.
    await waitForReceived(host, (now) => now.screen === 'video', "the host's screen shows the camera");
    expect(await axeViolations(linh, '[data-testid=stage-media]')).toEqual([]);
    expect(await axeViolations(host, '[data-testid=stage-media]')).toEqual([]);
  });

  it('stops the screen video and the host’s tracks when the host ends live', {
    timeout: 120_000,
  }, async () => {
    const { host, linh } = hall!;
    await host.getByTestId('host-stage-end-live').press('Enter');
    await host.getByTestId('host-stage-go-live').waitFor(WAIT);
    await waitForReceived(
      linh,
      (now) => now.screen === 'text' && now.pcs === 0,
      "Linh's screen back to text",
    );
    await expect
      .poll(
        () =>
          host.evaluate(() =>
            (
              window as unknown as { __layoverStage: { published: () => unknown } }
            ).__layoverStage.published(),
          ),
        WAIT,
      )
      .toBeNull();
    expect((await received(host)).screen).toBe('text');
  });
});
