import { describe, expect, it } from 'vitest';
import { fitWithin, jpegName } from './compress';

describe('fitWithin', () => {
  it('shrinks the longer side to the limit and keeps the proportions', () => {
    expect(fitWithin(4032, 3024, 2048)).toEqual({ width: 2048, height: 1536 });
    expect(fitWithin(3024, 4032, 2048)).toEqual({ width: 1536, height: 2048 });
    expect(fitWithin(12000, 1000, 2048)).toEqual({ width: 2048, height: 171 });
  });

  it('never enlarges a small photo', () => {
    expect(fitWithin(800, 600, 2048)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(20000, 1, 2048)).toEqual({ width: 2048, height: 1 });
  });
});

describe('jpegName', () => {
  it('keeps the name and says it is a JPEG now', () => {
    expect(jpegName('IMG_0042.HEIC')).toBe('IMG_0042.jpg');
    expect(jpegName('фото балкона.png')).toBe('фото балкона.jpg');
    expect(jpegName('scan')).toBe('scan.jpg');
    expect(jpegName('.heic')).toBe('photo.jpg');
  });
});
