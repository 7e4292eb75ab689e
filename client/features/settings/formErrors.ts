import { useTranslation } from 'react-i18next';
import { ApiError } from '#client/api/http';

/** A failed save, split into messages for known fields and one summary for the form. */
export interface FormErrors {
  fields: Record<string, string>;
  summary: string | null;
}

/**
 * Turn a mutation error into per-field messages: each server issue goes to the field named by
 * the first segment of its path; a conflict (409) can be pinned to a field with our own words.
 */
export function useFormErrors(
  error: Error | null,
  fields: readonly string[],
  conflict?: { field: string; message: string },
): FormErrors {
  const { t } = useTranslation();
  if (!error) return { fields: {}, summary: null };
  if (error instanceof ApiError && error.status === 409 && conflict)
    return { fields: { [conflict.field]: conflict.message }, summary: t('admin.form.invalid') };
  const out: Record<string, string> = {};
  const rest: string[] = [];
  for (const issue of error instanceof ApiError ? error.issues : []) {
    const field = issue.path.split('.')[0];
    if (fields.includes(field)) out[field] ??= issue.message;
    else rest.push(issue.message);
  }
  if (rest.length > 0) return { fields: out, summary: t('admin.form.failed', { reason: rest.join('; ') }) };
  if (Object.keys(out).length > 0) return { fields: out, summary: t('admin.form.invalid') };
  return { fields: out, summary: t('admin.form.failed', { reason: error.message }) };
}
