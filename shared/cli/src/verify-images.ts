/**
 * The images `tensorhop verify` sends: ten held-out MNIST digits (one per class, 28×28 PNG, black
 * on white, drawn with sharp from the `mnist` package's test split) that the default model labels
 * correctly, and broken inputs with the error each must give. Everything travels inside the request
 * (data: URLs, image bytes), so the checks pass with the downloader's SSRF guard closed and never
 * make the deployment fetch anything from the network.
 */

/** [label, PNG as base64] for the digits 0..9. */
const DIGITS: readonly (readonly [string, string])[] = [
  [
    '0',
    'iVBORw0KGgoAAAANSUhEUgAAABwAAAAcCAIAAAD9b0jDAAAACXBIWXMAAAPoAAAD6AG1e1JrAAABeElEQVRIx+2Vv6uCUBTH' +
      'xaCpGhwisJrbGot+QK5pi0uLu+1uQjj2ZzQERU5CS6OTuEitzio0CEGBuPUOCnK5T0Lve4+39B2Eo9zP+eU5l3r9gagPtKBM' +
      '02w0GjRNMwzjOM4vQC+XS6fTqVarlUTAlSQpiiJy6O12a7fbEGMFEZi+7xNCXdddLBYpBYOu1+s4jkmglmVlFAwKT9u2SaCb' +
      'zYZORFEUjSg1x+NxaejpdOr1em8inUwmpaHdbhej/Ah6v993u12tVnsP5Xm+BFRRlFwKZqqqWhT6eDxms9n3ziyXS/gZSBoV' +
      'huF8PkdDEwTBT3S9XgeDAUlND4cDeqzf74Ob9NN0OsXSPx6PhaCj0Sg7Vq/Xt9ttVhOWZVEoZJD5KwHd7/fpS8MwoMqEsw/p' +
      'oJ2BY0EQaJqGTRTHceCm6OrTdR2NBfJttVpoEZvN5mq1ej6fJfYpBsXyBaIsy6U3v+d5w+EwFwojez6fCa+T3F0niuLniv5P' +
      '6Bc5A9ztZyRPWAAAAABJRU5ErkJggg==',
  ],
  [
    '1',
    'iVBORw0KGgoAAAANSUhEUgAAABwAAAAcCAIAAAD9b0jDAAAACXBIWXMAAAPoAAAD6AG1e1JrAAABPklEQVRIx+3VPYqDQBQH' +
      'cDGggihWgo0nCOlSWNh5Dm9gZSrRVkgwYKGF4EejadNYCuYAYu0JtBOtrGR3iOwQUoQl48IWeQf4MfPe/N9gX39Q2Ad9u47H' +
      'I47jHMdVVbUOWpYlQRCbe/m+vw56Op0WkWGYoihWQF3XpWl6QUVRXKGneZ5DkWXZJElQ0ev1ut1uNz91Pp9XmL4kSVCUZblt' +
      'WyR0GAZVVSmKWsTdbtd1HdI7nabpcDiAV7mIJEk+PaN3UE3TgAXRIAhQE5WmKX4vDMP2+/04jqgxbZoG9hG4WZahZj+KIkEQ' +
      '4LjjOJ7nGQkNwxBEEE7mdR9/hYJ9AdICz2gYBurqq+taUZTNQ4EU3W6399G+7x/7uNzdsiykk9q2/SSapom6+Xmeh5yu65fL' +
      'ZYXvxPO8BXUc5/Ob/hf0G3uWGCAvn3dzAAAAAElFTkSuQmCC',
  ],
  [
    '2',
    'iVBORw0KGgoAAAANSUhEUgAAABwAAAAcCAIAAAD9b0jDAAAACXBIWXMAAAPoAAAD6AG1e1JrAAABO0lEQVRIx2P4TwPAMACG' +
      'NjU1MTAwMDIysrGxLVmy5MWLF1QwVEVFhQkJWFhYeHt7X7p0iSJD9+7dy4QBpKSkTp8+Tb6hR48e5efnxzRXXl7+4sWL5EdU' +
      'cnIyEzZgY2NDvqHPnj3j4ODANNTQ0PDVq1fkJ6kJEyb0goGamhqyuVOnTqVCOs3NzaW+ocCgQDbU2tr669evVDYUCD58+DC8' +
      'DX3//v27d+8g7GvXrlFq6P79+7u7u83NzfX19bvBQFVVFdlEV1fXb9++kWBoUFCQhIQEE15AQpKaMWNGTU2NqKgofhMVFBTO' +
      'nDlD2NDExERFRUVOTk4mIgBQWWNj4+/fvwkYCiwr0XR2dHQAUzgeowlHFLKhPT09Pj4+AgICWEsTODhw4AA+Q48cOSIjI8NE' +
      'IgBaPDgqvlFDB4uhAIuAExHomdFyAAAAAElFTkSuQmCC',
  ],
  [
    '3',
    'iVBORw0KGgoAAAANSUhEUgAAABwAAAAcCAIAAAD9b0jDAAAACXBIWXMAAAPoAAAD6AG1e1JrAAABpUlEQVRIx2P4TwPAMGoo' +
      'XQ1ds2bN5MmTd+7c6ejoyMDAwMTEZGxsDBQk09BHjx4ZGRmxs7OzsLBwcHAwMzMDTWQGA6AgPz+/trb23bt3STN0z549zKgA' +
      'bigcWFpakmboxYsXnZycrKysZs6cGQwGGhoaQDciGwp0LMlh+vnz53fv3sG5jx8/Pnv2bENDA0WGAsGtW7dOogKg2+GG9vb2' +
      'kmwo0EQZGRlcYQoMjWfPnpFsKNBdeCJKXFy8srKSyoYCgYiICFANaYY+ffpUV1cXj6FAEBsbS042XbVqVRUY7NixAy5oZmbG' +
      'BAaysrLUyfvAjKSoqAhxqZycHHUMraurg3t/6tSpVDC0tbWVk5MTYqKAgMCBAwcIGwosR4C5HphHsSpta2uDFC4Q4O/vT1SS' +
      'mjJlClC1hIRERkbGlStXkC3r7OxkY2ODm+ju7v7q1SsSDIUnw/T09GtgAGQgJ6menh48JqIbeuPGjaKiIlFRUcwkCTGUl5fX' +
      'w8Pj9evXJBfSwESjqamJaSgwZtavX09+dXL//v2Ojg7kHNXe3v7z58/RKpoYAACTx1HbmhoGggAAAABJRU5ErkJggg==',
  ],
  [
    '4',
    'iVBORw0KGgoAAAANSUhEUgAAABwAAAAcCAIAAAD9b0jDAAAACXBIWXMAAAPoAAAD6AG1e1JrAAABaklEQVRIx2P4TwPAMGoo' +
      'XQ399u1bQ0MDLtlPnz4pKyvv3buXNENPnDgRFxeHS/bAgQNAQz98+EBNQ21sbNzd3Unz/r9//yIiIsrLy7HK3r59m5OTc+PG' +
      'jaQZCvQXDw/Pw4cPscr6+voKCwuTHFHXrl0zNzfHKnXr1i1WVtauri6SDV2xYoWHhwdWqeLiYgYGhlevXpFsaEVFRX19PVYp' +
      'oGX29vY/fvwg2dDExESshl6+fJmXl3fbtm3kJH6goT4+PmiCX758SUlJiY2NBaYNcgzt7u42MzND1nzlyhULCws+Pj5cSYKo' +
      'JMXIyFhaWnrv3j2gKWvWrNHQ0ADGD66AJsrQnz9/pqWlAU1hZ2fn4uICMoD5R1pa+vv37xQVKMAio6qqytjYGBiOwJg5c+YM' +
      'ZihTWvQBLSDG76QZqqqq+vbtW2oa+uTJE11dXSqX/MBcS6TfSTA0Kyvr4sWLVDZUW1v7z58/o1U0MQAAdz2bgTe5YlQAAAAA' +
      'SUVORK5CYII=',
  ],
  [
    '5',
    'iVBORw0KGgoAAAANSUhEUgAAABwAAAAcCAIAAAD9b0jDAAAACXBIWXMAAAPoAAAD6AG1e1JrAAABgklEQVRIx2P4TwPAMGro' +
      'iDH04MGDe8Dg5s2bFBl6/fr12bNnBwcH6+rqsrKyMoGBq6srCYZ++fLl6tWrGhoaPDw83NzcQJKDg4MJGyDW0NevX1tYWMC1' +
      'MTIyohlkZGRkbm7e2tpqaWlJrKHLli1DNgJuaGJi4gkw+PHjx8uXL0mLqIULF8JNhPg9KioKGKb//v0jJ/a/fv1aUlIiLi4O' +
      'NE5UVHTChAmfPn2iNEm9e/dOQkIC4kZlZWUglwrpNCIiAu5xaWnpR48eUcFQa2trRiSgpKS0du1aigw9fvw4MImgpR5gIGzc' +
      'uJFMQ588eSIjI8PFxVVXV3f58mV7e3u4uZKSkvv37yfHUGAuFhERCQoKunHjBpD769evrKwsiKEMDAycnJxLly4lzdAFCxY4' +
      'OTkBM/WuXbsiIyPXr18PDIodO3bIycnBEz/Q+aQZmp+fz4QbkGloc3NzTU2NgoICMPNgNbe8vPz3799kJqlv3761tLToIYG+' +
      'vr4VK1aMVifDxVAAVbnBevPKoW0AAAAASUVORK5CYII=',
  ],
  [
    '6',
    'iVBORw0KGgoAAAANSUhEUgAAABwAAAAcCAIAAAD9b0jDAAAACXBIWXMAAAPoAAAD6AG1e1JrAAACIUlEQVRIx+2Vz6tpURTH' +
      'z/Gz/JqQUgYYGEpRJMqPkUhMJAa6U0bCREqUwtSMoYEYGMjMhJIyYMJE5A8QIZGQe1dvd0+3w+W9Oq/7Bm8NdPquvT9n7e/a' +
      '68De/0JgPwbN5/M2m221WlEGHQwGTCYTx/Fms0kNdL1eC4VCILLZ7NFoRA3U5XLhvyKXy1Hj6XA4ZLFYQNTpdKfTiRpoMBhE' +
      'Zc5mM2q6D/2h0WhA1Gq1l8vlfsH1em00GqFQqNVqkS7Gt9ByuQxE4D50E14Tj8fxz/D7/cvl8gW0Wq2KRCJYLZFIHi6IRCII' +
      'x+fzPR4PPGQymRfQdDqN9rjd7vtspVJBWaPRCAXebjev1wtFENY/hvp8PtjDYDDAWVJqv9+rVCrICgSCzWaDxFqtBkq3230G' +
      'lcvlsMhgMNynotEoIrbbbUJMJBIvoL1ej06nwyKHw0FKTSYTsViMDk6IcHyn06lWq8/n87fQWCyGLCuVSqRUOBwGHV45nU4J' +
      'MZvNgliv1581KplMImgqlSKl4NSgw+wSClxVaJHdbj8cDs+gnU4HwzDYLJVKYVLvoVardbFYzOdzvV4PVctkMrDlxeXfbrdm' +
      'sxkVC7MP9R6PRzAOUhqNBukcDofH46Hnfr//W2NK3FMioBWBQAB9WL8GTMfXWXoG3e12YILFYsEfBZfLVSgUSqUSpgh8+LOv' +
      'FPhQLBbfPsNkMsFvoVAYj8f/6h/ff+jPQz8AC+egdL/fMzMAAAAASUVORK5CYII=',
  ],
  [
    '7',
    'iVBORw0KGgoAAAANSUhEUgAAABwAAAAcCAIAAAD9b0jDAAAACXBIWXMAAAPoAAAD6AG1e1JrAAABTklEQVRIx2P4TwPAMGro' +
      'qKFYwd+/f2/evLlq1arFixc3g4GpqamHh8fly5dJMNTNzW3q1KkhISHuYODi4sKEDQCV/fnzh1hDGRgYmHAAdjBgYWGBcL9+' +
      '/UqsocLCwkANGhoaumAQHR1dUFBQUlJiZWUFUbB3716SDb1169a+ffu+f/+OS/WMGTNINpQgWL16NdBENjY2ahpaW1sLNDQ5' +
      'OZma6RRiKDCIf/36RWVDs7KyqOnStLQ0oKHnz5+nmqF3797l5uYGGtrS0nLq1KlFixa9f//+9OnTe/bsIdlQYAp7+fIlMKcq' +
      'KSnB8wIHBweQlJCQAFojIyPT1NREmqGJiYnIWUtAQGDKlCkrweDs2bNbtmwhx/tbt25NBgMHBwegoba2ttQs+qZPn059Q83N' +
      'zYeUocuXL6emoaGhoUBDgZFOTUOBCR6YAIDJaGAqPgAIIB6bvL8RzQAAAABJRU5ErkJggg==',
  ],
  [
    '8',
    'iVBORw0KGgoAAAANSUhEUgAAABwAAAAcCAIAAAD9b0jDAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAl0lEQVRIx+2VSw7AIAhE' +
      'OZo342gejZKaGOKHlk+7cnZd+BhgtEAfCA70VygiwkZ4ywxViF1mKLyQDVprHc6XUlrLfqg8PMxO1kuDysn42+fG+XNZz7wo' +
      'Zi0zFNo+uxu4CZF6TCuX9F/TOV66TcPdn0eRAJ39ykikOfUvSn8KQtBdBkLQ5JzqUc13Gt1+z1N7VRXc+UUT0QUxdT9I14m6' +
      'eAAAAABJRU5ErkJggg==',
  ],
  [
    '9',
    'iVBORw0KGgoAAAANSUhEUgAAABwAAAAcCAIAAAD9b0jDAAAACXBIWXMAAAPoAAAD6AG1e1JrAAABnUlEQVRIx2P4TwPAMGro' +
      'qKF4wOfPnxctWpQBBi9fvoQIXrhwQUhIaNeuXeQY+unTJ21tbUYYMDIyevHixZkzZ1xdXYFcFxcXcgwNDAyEGMcBBkBGeHg4' +
      'Nzc3RLCuro5kQ5ctWwYxqKSkZMeOHcrKyoxIQEBAAB4axBp6584ddnZ2JiamysrK379/nzp1ihEViIqKkhZRz58/19PTY2Bg' +
      'iIyMBHLv37+flpYGMcvCwoKVlRXIMDY2Js3QJUuWALUBNV+9enXVqlVKSkoQEzdt2rRy5Uqg84HsdevWkWaos7MzxFGdnZ0Q' +
      '43h5eSdNmvT379+kpCQg18TE5Nu3b+QYCgdAJ3d3d0Ok7OzsgCL+/v4kJ35gUEKMY2Fh8fPzO378OFwKYmhfXx/Jhr579w7i' +
      'TbgD4eJqampA8W3btpGTTf/9+/fr1y8giSwIjDegifLy8sDApVqB0traiid3kmmomZkZ0ND29nZqGgpJ9jQx9NmzZ1QzdPfu' +
      '3cC8ZGtrC4xAqhk6e/ZsSE6lZnUCMfTgwYNUNhRYhdy6dWtgKj4AOaf3CFP4MAIAAAAASUVORK5CYII=',
  ],
];

export interface TestImage {
  /** The digit drawn. */
  label: string;
  png: Uint8Array;
  /** The same PNG as a data: URL, for the downloader. */
  url: string;
}

export const TEST_IMAGES: readonly TestImage[] = DIGITS.map(([label, base64]) => ({
  label,
  png: Uint8Array.from(Buffer.from(base64, 'base64')),
  url: `data:image/png;base64,${base64}`,
}));

/** An input that must fail, with the code and stage the error table documents for it. */
export interface BrokenInput {
  key: string;
  input: string | Uint8Array;
  code: string;
  stage: 'downloader' | 'preprocessor';
}

const first = TEST_IMAGES[0] as TestImage;
const truncated = first.png.subarray(0, Math.floor(first.png.length / 2));
const html = '<!doctype html><html><body><p>Not an image</p></body></html>';

/** Broken URLs for the downloader (in hybrid mode, so decode errors come from the preprocessor). */
export const BROKEN_URLS: readonly BrokenInput[] = [
  { key: 'bad-url', input: 'http//no-scheme', code: 'DOWNLOAD_INVALID_URL', stage: 'downloader' },
  {
    key: 'bad-scheme',
    input: 'ftp://images.invalid/1.png',
    code: 'DOWNLOAD_INVALID_URL',
    stage: 'downloader',
  },
  {
    key: 'html-page',
    input: `data:text/html;base64,${Buffer.from(html).toString('base64')}`,
    code: 'DOWNLOAD_NOT_IMAGE',
    stage: 'downloader',
  },
  {
    key: 'truncated-png-url',
    input: `data:image/png;base64,${Buffer.from(truncated).toString('base64')}`,
    code: 'IMAGE_DECODE',
    stage: 'preprocessor',
  },
];

/** Broken image bytes for the preprocessor. */
export const BROKEN_BYTES: readonly BrokenInput[] = [
  { key: 'truncated-png', input: truncated, code: 'IMAGE_DECODE', stage: 'preprocessor' },
  { key: 'html-bytes', input: new TextEncoder().encode(html), code: 'IMAGE_DECODE', stage: 'preprocessor' },
  { key: 'empty', input: new Uint8Array(0), code: 'IMAGE_DECODE', stage: 'preprocessor' },
];
