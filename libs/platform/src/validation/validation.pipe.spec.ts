import { ValidationError } from 'class-validator';
import { flattenValidationErrors } from './validation.pipe';

function node(property: string, constraints?: Record<string, string>, children: ValidationError[] = []): ValidationError {
  return Object.assign(new ValidationError(), { property, constraints, children });
}

describe('flattenValidationErrors', () => {
  it('lists each constraint of a top-level field', () => {
    const errors = [node('name', { isString: 'name must be a string', isNotEmpty: 'name should not be empty' })];
    expect(flattenValidationErrors(errors)).toEqual([
      { field: 'name', message: 'name must be a string' },
      { field: 'name', message: 'name should not be empty' },
    ]);
  });

  it('joins nested properties into dotted paths', () => {
    const errors = [
      node('ai', undefined, [node('minConfidence', { max: 'minConfidence must not be greater than 1' })]),
      node('location', undefined, [node('lat', { min: 'lat must not be less than -90' })]),
    ];
    expect(flattenValidationErrors(errors)).toEqual([
      { field: 'ai.minConfidence', message: 'minConfidence must not be greater than 1' },
      { field: 'location.lat', message: 'lat must not be less than -90' },
    ]);
  });

  it('keeps a parent\'s own constraints alongside its children\'s', () => {
    const errors = [node('ai', { isObject: 'ai must be an object' }, [node('enabled', { isBoolean: 'enabled must be a boolean' })])];
    expect(flattenValidationErrors(errors)).toEqual([
      { field: 'ai', message: 'ai must be an object' },
      { field: 'ai.enabled', message: 'enabled must be a boolean' },
    ]);
  });

  it('uses array indexes as path segments at any depth', () => {
    const errors = [node('tiles', undefined, [node('1', undefined, [node('position', { isInt: 'position must be an integer' })])])];
    expect(flattenValidationErrors(errors)).toEqual([{ field: 'tiles.1.position', message: 'position must be an integer' }]);
  });

  it('gives nothing for no errors', () => {
    expect(flattenValidationErrors([])).toEqual([]);
  });
});
