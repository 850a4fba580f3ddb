import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '@/components/ui/Button';
import { Dialog } from '@/components/ui/Dialog';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { TextField } from '@/components/ui/TextField';
import { ApiError } from '@/lib/api-client';
import {
  changesPayload, createPayload, emptyForm, FORM_FIELDS, formErrorsFromApi, formFromCamera, sourceUnderTest, validateForm,
  type CameraFormValues, type FormErrors, type FormField,
} from '../camera-form';
import { useCreateCamera, useTestConnection, useUpdateCamera } from '../hooks/use-cameras';
import type { Camera } from '../types';
import { ClassPicker } from './ClassPicker';
import { ConnectionTest } from './ConnectionTest';
import { RoiEditor } from './RoiEditor';

export interface CameraFormDialogProps {
  /** The camera to edit; absent to add one. */
  camera?: Camera;
  onClose: () => void;
}

const SOURCE_FIELDS: ReadonlySet<keyof CameraFormValues> = new Set(['sourceUrl', 'username', 'password', 'removeCredentials']);

/** Field errors of an API answer; a taken name is the name field's error. */
function apiFormErrors(error: unknown): FormErrors {
  if (!(error instanceof ApiError)) return {};
  if (error.code === 'CAMERA.NAME_TAKEN') return { name: error.message };
  return formErrorsFromApi(error.fieldErrors());
}

function Switch({ label, checked, onChange, hint }: { label: string; checked: boolean; onChange: (checked: boolean) => void; hint?: ReactNode }) {
  const hintId = useId();
  return (
    <div>
      <label className="inline-flex cursor-pointer items-center gap-3 text-sm font-medium text-slate-200">
        {/* The real checkbox covers the drawn track, so a click on the track is a click on it. */}
        <span className="relative inline-flex h-5 w-9 shrink-0">
          <input
            type="checkbox"
            role="switch"
            checked={checked}
            aria-describedby={hint ? hintId : undefined}
            onChange={(event) => onChange(event.target.checked)}
            className="peer absolute inset-0 m-0 size-full cursor-pointer opacity-0"
          />
          <span
            aria-hidden="true"
            className="pointer-events-none size-full rounded-full bg-slate-700 transition-colors peer-checked:bg-sky-600 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-sky-400 after:absolute after:top-0.5 after:left-0.5 after:size-4 after:rounded-full after:bg-white after:transition-transform peer-checked:after:translate-x-4"
          />
        </span>
        {label}
      </label>
      {hint && <p id={hintId} className="mt-1 text-xs text-slate-400">{hint}</p>}
    </div>
  );
}

export function CameraFormDialog({ camera, onClose }: CameraFormDialogProps) {
  const editing = camera !== undefined;
  const [values, setValues] = useState<CameraFormValues>(() => (camera ? formFromCamera(camera) : emptyForm()));
  const [errors, setErrors] = useState<FormErrors>({});
  const createCamera = useCreateCamera();
  const updateCamera = useUpdateCamera();
  const testConnection = useTestConnection();
  const save = editing ? updateCamera : createCamera;
  const confidenceId = useId();
  const formId = useId();
  const refs = {
    name: useRef<HTMLInputElement>(null),
    sourceUrl: useRef<HTMLInputElement>(null),
    username: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
    minConfidence: useRef<HTMLInputElement>(null),
  } satisfies Partial<Record<FormField, unknown>>;

  function change<K extends keyof CameraFormValues>(field: K, value: CameraFormValues[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    // A result about another source would mislead.
    if (SOURCE_FIELDS.has(field)) testConnection.reset();
    if (field in errors) setErrors(({ [field as FormField]: _dropped, ...rest }) => rest);
  }

  function showErrors(next: FormErrors) {
    setErrors(next);
    const first = FORM_FIELDS.find((field) => next[field]);
    if (first && first in refs) refs[first as keyof typeof refs].current?.focus();
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    const invalid = validateForm(values);
    if (Object.keys(invalid).length > 0) return showErrors(invalid);
    setErrors({});
    const options = { onSuccess: onClose, onError: (error: Error) => showErrors(apiFormErrors(error)) };
    if (camera) updateCamera.mutate({ id: camera.id, changes: changesPayload(values, camera) }, options);
    else createCamera.mutate(createPayload(values), options);
  }

  function handleTest() {
    const invalid = validateForm(values);
    const sourceErrors: FormErrors = { sourceUrl: invalid.sourceUrl, username: invalid.username };
    if (sourceErrors.sourceUrl || sourceErrors.username) return showErrors({ ...errors, ...sourceErrors });
    testConnection.mutate(
      { source: sourceUnderTest(values, camera), cameraId: camera?.id },
      { onError: (error) => showErrors({ ...errors, ...apiFormErrors(error) }) },
    );
  }

  const saveError = save.error;
  const saveHasFieldErrors = Object.keys(apiFormErrors(saveError)).length > 0;
  const storedUsername = camera?.credentials?.username;
  const credentialsRemoved = values.removeCredentials && values.username === '' && values.password === '';

  return (
    <Dialog
      size="lg"
      title={editing ? `Edit camera “${camera.name}”` : 'New camera'}
      description={editing ? 'Changes apply at once; a new URL or new credentials restart the stream.' : 'The camera is saved even when it cannot be reached yet.'}
      onClose={onClose}
      // A stray click beside it must not throw away the settings and regions drawn so far.
      closeOnBackdropClick={false}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" form={formId} disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save camera'}
          </Button>
        </>
      }
    >
      <form id={formId} noValidate onSubmit={handleSubmit} className="space-y-6">
        {saveError && <ErrorAlert>{saveHasFieldErrors ? 'Check the fields marked below.' : saveError.message}</ErrorAlert>}

        <section className="space-y-4">
          <TextField ref={refs.name} label="Name" autoComplete="off" maxLength={100} value={values.name} error={errors.name} onChange={(event) => change('name', event.target.value)} />
          <TextField
            ref={refs.sourceUrl}
            label="URL"
            autoComplete="off"
            spellCheck={false}
            placeholder="rtsp://192.168.1.20:554/stream1"
            value={values.sourceUrl}
            error={errors.sourceUrl}
            onChange={(event) => change('sourceUrl', event.target.value)}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              ref={refs.username}
              label="Username"
              autoComplete="off"
              spellCheck={false}
              placeholder={storedUsername ?? ''}
              disabled={values.removeCredentials}
              value={values.username}
              error={errors.username}
              onChange={(event) => change('username', event.target.value)}
            />
            <TextField
              ref={refs.password}
              label="Password"
              type="password"
              autoComplete="new-password"
              placeholder={storedUsername ? 'unchanged' : ''}
              disabled={values.removeCredentials}
              value={values.password}
              error={errors.password}
              onChange={(event) => change('password', event.target.value)}
            />
          </div>
          {editing && storedUsername && (
            <div className="space-y-2 text-sm text-slate-400">
              <p>Stored credentials are kept (user {storedUsername}). To change them, type the username and the password again.</p>
              <label className="inline-flex items-center gap-2 text-slate-300">
                <input type="checkbox" className="size-4 accent-sky-500" checked={values.removeCredentials} onChange={(event) => change('removeCredentials', event.target.checked)} />
                Remove the stored credentials
              </label>
              {credentialsRemoved && <p className="text-amber-300">The camera will be contacted without credentials.</p>}
            </div>
          )}
          <ConnectionTest onTest={handleTest} pending={testConnection.isPending} result={testConnection.data} error={testConnection.error} />
          <Switch label="Enabled" checked={values.enabled} onChange={(checked) => change('enabled', checked)} hint="A disabled camera keeps its settings but is not streamed." />
          {errors.enabled && <p className="text-sm text-rose-400">{errors.enabled}</p>}
        </section>

        <section className="space-y-4 border-t border-slate-800 pt-5">
          <Switch label="AI detection" checked={values.aiEnabled} onChange={(checked) => change('aiEnabled', checked)} hint="Look for objects in this camera about once a second." />
          {errors.aiEnabled && <p className="text-sm text-rose-400">{errors.aiEnabled}</p>}
          <ClassPicker value={values.classes} onChange={(classes) => change('classes', classes)} error={errors.classes} />
          <div className="space-y-1.5">
            <label htmlFor={confidenceId} className="block text-sm font-medium text-slate-300">
              Minimum confidence
            </label>
            <div className="flex items-center gap-3">
              <input
                type="range"
                min={0}
                max={1}
                step={0.05}
                aria-label="Minimum confidence slider"
                value={Number.isFinite(values.minConfidence) ? values.minConfidence : 0}
                onChange={(event) => change('minConfidence', Number(event.target.value))}
                className="w-full max-w-xs accent-sky-500"
              />
              <input
                ref={refs.minConfidence}
                id={confidenceId}
                type="number"
                min={0}
                max={1}
                step={0.01}
                inputMode="decimal"
                value={Number.isFinite(values.minConfidence) ? values.minConfidence : ''}
                aria-invalid={errors.minConfidence ? true : undefined}
                onChange={(event) => change('minConfidence', event.target.value === '' ? Number.NaN : Number(event.target.value))}
                className="w-24 rounded-md border border-slate-700 bg-slate-950 px-2 py-1.5 text-sm text-slate-100 focus:border-sky-500 focus:outline-2 focus:outline-sky-500/40 aria-invalid:border-rose-500"
              />
            </div>
            <p className="text-xs text-slate-400">Detections below this score (0 to 1) are ignored.</p>
            {errors.minConfidence && <p className="text-sm text-rose-400">{errors.minConfidence}</p>}
          </div>
          <RoiEditor value={values.roi} onChange={(roi) => change('roi', roi)} cameraId={camera?.id} error={errors.roi} />
        </section>
      </form>
    </Dialog>
  );
}
