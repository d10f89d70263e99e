import type { EvidenceFile } from '../evidence/evidence-file.util';
import type { EvidencePicker } from './device.type';

/** Browser: a hidden file input; the browser's own chooser offers files and, on phones, the camera. */
export const evidencePicker: EvidencePicker = {
  sources: ['file'],
  pick: (_source, max) =>
    new Promise<EvidenceFile[]>((resolve, reject) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = 'application/pdf,image/jpeg,image/png';
      input.multiple = max > 1;
      input.style.display = 'none';
      const done = (files: EvidenceFile[] | Error) => {
        input.remove();
        if (files instanceof Error) reject(files);
        else resolve(files);
      };
      input.addEventListener('cancel', () => done([]));
      input.addEventListener('change', () => {
        const picked = Array.from(input.files ?? []).slice(0, max);
        Promise.all(picked.map(async (f) => ({ name: f.name, size: f.size, bytes: await f.arrayBuffer() }))).then(
          done,
          done,
        );
      });
      document.body.appendChild(input);
      input.click();
    }),
};
