import { useTranslations } from 'next-intl';
import { MAX_DOCUMENT_BYTES, MIB } from '@/lib/files/limits';
import type { SendProblem } from './send-document';

/** The words for a failed upload, in the reader's language. */
export function useProblemMessage(): (problem: SendProblem) => string {
  const t = useTranslations('library');
  return (problem) => {
    switch (problem.kind) {
      case 'file':
        return t(`refusals.${problem.refusal}`, { name: problem.fileName, max: MAX_DOCUMENT_BYTES / MIB });
      case 'fields':
        return t('errors.invalid');
      case 'status':
        return t(`errors.${problem.code}`);
    }
  };
}
