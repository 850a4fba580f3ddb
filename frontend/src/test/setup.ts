import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, expect, vi } from 'vitest';

// Any React warning (missing keys, act(), invalid DOM nesting...) fails the test that caused it.
let consoleError: ReturnType<typeof vi.spyOn>;
let consoleWarn: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  consoleError = vi.spyOn(console, 'error');
  consoleWarn = vi.spyOn(console, 'warn');
});

afterEach(() => {
  cleanup();
  localStorage.clear();
  expect(consoleError, 'console.error was called').not.toHaveBeenCalled();
  expect(consoleWarn, 'console.warn was called').not.toHaveBeenCalled();
});
