import { describe, expect, it } from 'vitest';
import {
  detectionsSearch,
  draftFromFilters,
  filtersFromDraft,
  fromDateTimeLocal,
  hasFilters,
  parseFilters,
  QUICK_RANGES,
  quickRangeDraft,
  toDateTimeLocal,
  withFilters,
} from './filters';

const CAMERA = '6f1c2b1e-8a6d-4a57-9d8e-2f6a7b4c9e01';

describe('URL search params', () => {
  it('reads every filter from the URL', () => {
    const params = new URLSearchParams({
      cameraId: CAMERA.toUpperCase(),
      class: 'person',
      from: '2024-05-01T10:00:00Z',
      to: '2024-05-01T12:30:00+02:00',
      minConfidence: '0.6',
    });
    expect(parseFilters(params)).toEqual({
      cameraId: CAMERA,
      class: 'person',
      from: '2024-05-01T10:00:00.000Z',
      to: '2024-05-01T10:30:00.000Z',
      minConfidence: 0.6,
    });
  });

  it('drops values the API would refuse, so a stale or edited link still lists something', () => {
    const params = new URLSearchParams({
      cameraId: 'cam-1',
      class: 'spaceship',
      from: '2024-05-01T10:00', // no time zone
      to: 'yesterday',
      minConfidence: '1.5',
    });
    expect(parseFilters(params)).toEqual({});
    expect(parseFilters(new URLSearchParams('minConfidence=0'))).toEqual({});
    expect(parseFilters(new URLSearchParams('minConfidence='))).toEqual({});
  });

  it('round-trips filters through the URL, keeping unrelated params and closing the detail', () => {
    const filters = { cameraId: CAMERA, class: 'car', from: '2024-05-01T10:00:00.000Z', minConfidence: 0.75 };
    const params = withFilters(new URLSearchParams('tab=x&detection=abc&class=dog&to=2024-01-01T00:00:00Z'), filters);

    expect(params.get('tab')).toBe('x');
    expect(params.has('detection')).toBe(false);
    expect(params.has('to')).toBe(false);
    expect(parseFilters(params)).toEqual(filters);
  });

  it('knows whether any filter is set', () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ minConfidence: 0.5 })).toBe(true);
  });
});

describe('API query string', () => {
  it('sends the filters, the page size and the cursor, with the time zone sign encoded', () => {
    const search = detectionsSearch(
      { cameraId: CAMERA, class: 'truck', from: '2024-05-01T10:00:00.000Z', to: '2024-05-02T10:00:00.000Z', minConfidence: 0.5 },
      'eyJhIjoxfQ',
      25,
    );
    const params = new URLSearchParams(search.slice(1));
    expect(search.startsWith('?')).toBe(true);
    expect(Object.fromEntries(params)).toEqual({
      cameraId: CAMERA,
      class: 'truck',
      from: '2024-05-01T10:00:00.000Z',
      to: '2024-05-02T10:00:00.000Z',
      minConfidence: '0.5',
      limit: '25',
      cursor: 'eyJhIjoxfQ',
    });
  });

  it('asks for the first page with the default size when there is no cursor', () => {
    expect(detectionsSearch({}, null)).toBe('?limit=50');
  });
});

describe('datetime-local values', () => {
  it('converts between the browser time zone and ISO instants', () => {
    const iso = fromDateTimeLocal('2024-05-01T09:05');
    expect(iso).toBe(new Date(2024, 4, 1, 9, 5).toISOString());
    expect(toDateTimeLocal(iso)).toBe('2024-05-01T09:05');
    expect(fromDateTimeLocal('2024-05-01T09:05:30')).toBe(new Date(2024, 4, 1, 9, 5, 30).toISOString());
  });

  it('refuses partial input and days that do not exist', () => {
    expect(fromDateTimeLocal('')).toBeUndefined();
    expect(fromDateTimeLocal('2024-05-01')).toBeUndefined();
    expect(fromDateTimeLocal('2023-02-29T10:00')).toBeUndefined();
    expect(toDateTimeLocal(undefined)).toBe('');
    expect(toDateTimeLocal('not a date')).toBe('');
  });
});

describe('filter bar draft', () => {
  it('turns the inputs into filters, confidence from percent to 0..1', () => {
    const { filters, errors } = filtersFromDraft({
      cameraId: CAMERA,
      class: 'person',
      from: '2024-05-01T08:00',
      to: '2024-05-01T09:00',
      minConfidencePercent: '62.5',
    });
    expect(errors).toEqual({});
    expect(filters).toEqual({
      cameraId: CAMERA,
      class: 'person',
      from: new Date(2024, 4, 1, 8, 0).toISOString(),
      to: new Date(2024, 4, 1, 9, 0).toISOString(),
      minConfidence: 0.625,
    });
    expect(draftFromFilters(filters)).toEqual({
      cameraId: CAMERA,
      class: 'person',
      from: '2024-05-01T08:00',
      to: '2024-05-01T09:00',
      minConfidencePercent: '62.5',
    });
  });

  it('explains what is wrong per field instead of applying', () => {
    expect(
      filtersFromDraft({ cameraId: '', class: '', from: '2024-05-01T10:00', to: '2024-05-01T10:00', minConfidencePercent: '120' })
        .errors,
    ).toEqual({ to: 'Must be later than “From”.', minConfidencePercent: 'Enter a percentage from 0 to 100.' });
    expect(filtersFromDraft({ ...draftFromFilters({}), from: '2024-13-01T10:00' }).errors).toEqual({
      from: 'Enter a valid date and time.',
    });
  });

  it('treats an empty or zero confidence as no filter', () => {
    expect(filtersFromDraft({ ...draftFromFilters({}), minConfidencePercent: ' ' }).filters).toEqual({});
    expect(filtersFromDraft({ ...draftFromFilters({}), minConfidencePercent: '0' }).filters).toEqual({});
  });

  it('quick ranges start that long ago and have no end', () => {
    const now = new Date(2024, 4, 2, 12, 30).getTime();
    expect(quickRangeDraft(QUICK_RANGES[1]!, now)).toEqual({ from: '2024-05-01T12:30', to: '' });
  });
});
