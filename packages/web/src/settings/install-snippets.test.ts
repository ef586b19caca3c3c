import { describe, expect, it } from 'vitest';
import { installSnippets } from './install-snippets';

describe('install snippets', () => {
  const key = 'cairn_wk_abc-DEF_123';

  it('puts the write key and the host into both snippets', () => {
    const { sdk, http } = installSnippets('https://cx.example.eu/', key);
    expect(sdk).toContain(`writeKey: "${key}"`);
    expect(sdk).toContain('host: "https://cx.example.eu"');
    expect(http).toContain("'https://cx.example.eu/v1/track'");
    expect(http).toContain(`-u '${key}:'`);
  });

  it('keeps a hostile value inside its shell quotes', () => {
    const { http } = installSnippets("https://x.example/'; rm -rf ~; '", key);
    expect(http).toContain(`'https://x.example/'\\''; rm -rf ~; '\\''/v1/track'`);
  });
});
