import type { CodeScanner } from './device.type';

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorCtor = new (options: { formats: string[] }) => BarcodeDetectorLike;

function detectorCtor(): BarcodeDetectorCtor | null {
  if (typeof window === 'undefined' || typeof navigator === 'undefined') return null;
  const ctor = (window as unknown as { BarcodeDetector?: BarcodeDetectorCtor }).BarcodeDetector;
  return ctor && typeof navigator.mediaDevices?.getUserMedia === 'function' ? ctor : null;
}

/** A full-screen camera view with a cancel button, closed on the first QR code found. */
async function scanWithCamera(Detector: BarcodeDetectorCtor): Promise<string | null> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
  const overlay = document.createElement('div');
  overlay.setAttribute('role', 'dialog');
  overlay.setAttribute('aria-label', 'camera');
  overlay.style.cssText = 'position:fixed;inset:0;z-index:1000;background:#000;display:flex;flex-direction:column';
  const video = document.createElement('video');
  video.setAttribute('playsinline', 'true');
  video.muted = true;
  video.style.cssText = 'flex:1;width:100%;object-fit:cover';
  video.srcObject = stream;
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.textContent = '✕ Cancel / 取消';
  cancel.setAttribute('aria-label', 'Cancel scan');
  cancel.style.cssText = 'min-height:56px;font-size:18px;background:#fff;color:#1A1A1A;border:0';
  overlay.append(video, cancel);
  document.body.appendChild(overlay);
  const detector = new Detector({ formats: ['qr_code'] });
  return new Promise<string | null>((resolve) => {
    let open = true;
    const close = (value: string | null) => {
      if (!open) return;
      open = false;
      stream.getTracks().forEach((track) => track.stop());
      overlay.remove();
      resolve(value);
    };
    cancel.addEventListener('click', () => close(null));
    const tick = () => {
      if (!open) return;
      detector.detect(video).then(
        (codes) => (codes[0]?.rawValue ? close(codes[0].rawValue) : setTimeout(tick, 150)),
        () => setTimeout(tick, 300),
      );
    };
    // Detection starts at once and retries until frames arrive: play() can stay pending (a camera that
    // delivers no frame yet) and must not hold the loop back.
    void video.play().catch(() => undefined);
    tick();
  });
}

/** Browser: the camera where the BarcodeDetector API and a camera exist; pasting a token always works. */
export const scanner: CodeScanner = {
  get hasCamera() {
    return detectorCtor() !== null;
  },
  canPaste: true,
  scan: async () => {
    const Detector = detectorCtor();
    return Detector ? scanWithCamera(Detector) : null;
  },
};
