import { describe, expect, it } from 'vitest';
import { hitsOf } from './test-helpers';

describe('handle detector', () => {
  it('an @handle after a platform name is a handle of that platform', () => {
    expect(hitsOf('handle', 'WhatsApp: @villa_antiques')[0]?.normalized).toBe('whatsapp:villa_antiques');
  });
  it('an id after "WeChat ID" needs no @', () => {
    expect(hitsOf('handle', 'WeChat ID: luxwatch88')[0]?.normalized).toBe('wechat:luxwatch88');
  });
  it('an @handle with the platform named after it counts', () => {
    expect(hitsOf('handle', '@atelier.roma on Instagram')[0]?.normalized).toBe('instagram:atelier.roma');
  });
  it('a bare @mention without a platform is left alone', () => {
    expect(hitsOf('handle', 'thanks @everyone')).toEqual([]);
  });
  it('"line" and "signal" as ordinary words are not platforms', () => {
    expect(hitsOf('handle', 'the line of the drawer; a signal of quality')).toEqual([]);
  });
});
