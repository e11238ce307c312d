import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../i18n/useT.ts';
import type { CameraErrorCode } from './checkinErrors.ts';

/** Frames are decoded at most this often: enough for a held-up phone, light on a phone's battery. */
const DECODE_EVERY_MS = 150;
/** Frames are scaled down to this width before decoding (QR codes on a phone screen stay readable). */
const DECODE_WIDTH = 640;

/**
 * The back camera, decoding each frame with jsQR (loaded with this component, so only the check-in page pays for
 * it) until a QR code reads; then the camera stops and `onCode` gets the text. Escape or the button closes it.
 */
export function QrScanner({
  onCode,
  onClose,
  onError,
}: {
  onCode: (text: string) => void;
  onClose: () => void;
  onError: (code: CameraErrorCode) => void;
}) {
  const t = useT();
  const hint = useId();
  const video = useRef<HTMLVideoElement>(null);
  const [live, setLive] = useState(false);
  const stopButton = useRef<HTMLButtonElement>(null);
  const handlers = useRef({ onCode, onError, onClose });
  handlers.current = { onCode, onError, onClose };

  // Focus starts on "Stop camera" (Enter or Escape closes the camera; the field is one Tab away).
  useEffect(() => {
    stopButton.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') handlers.current.onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const canvas = document.createElement('canvas');
    const stop = () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
    const start = async () => {
      if (!navigator.mediaDevices?.getUserMedia) return handlers.current.onError('cameraUnavailable');
      try {
        const [opened, jsqr] = await Promise.all([
          navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }),
          import('jsqr'),
        ]);
        stream = opened;
        if (stopped || !video.current) return stop();
        video.current.srcObject = stream;
        await video.current.play();
        setLive(true);
        const decode = () => {
          const element = video.current;
          if (stopped || !element) return;
          if (element.readyState >= element.HAVE_ENOUGH_DATA && element.videoWidth > 0) {
            const scale = Math.min(1, DECODE_WIDTH / element.videoWidth);
            canvas.width = Math.round(element.videoWidth * scale);
            canvas.height = Math.round(element.videoHeight * scale);
            const context = canvas.getContext('2d', { willReadFrequently: true });
            context?.drawImage(element, 0, 0, canvas.width, canvas.height);
            const frame = context?.getImageData(0, 0, canvas.width, canvas.height);
            const found = frame && jsqr.default(frame.data, frame.width, frame.height);
            if (found?.data) {
              stop();
              return handlers.current.onCode(found.data);
            }
          }
          timer = setTimeout(decode, DECODE_EVERY_MS);
        };
        decode();
      } catch (error) {
        stop();
        const denied = error instanceof DOMException && error.name === 'NotAllowedError';
        handlers.current.onError(denied ? 'cameraDenied' : 'cameraUnavailable');
      }
    };
    void start();
    return stop;
  }, []);

  return (
    <div className="scanner" data-testid="checkin-scanner" data-live={live ? 'true' : 'false'}>
      <video ref={video} muted playsInline aria-describedby={hint} aria-label={t('checkin.cameraLabel')} />
      <p id={hint} className="hint" role="status">
        {live ? t('checkin.scanHint') : t('checkin.cameraStarting')}
      </p>
      <button ref={stopButton} type="button" onClick={onClose} data-testid="checkin-scan-stop">
        {t('checkin.scanStop')}
      </button>
    </div>
  );
}
