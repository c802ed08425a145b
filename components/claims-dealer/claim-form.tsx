'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { CLAIM_CATEGORIES, type ClaimCategory, type ItemKind } from '@/drizzle/schema/values';
import { PhotoPicker, UploadProgress, useUploadErrorText, type PickedPhoto } from '@/components/files/photo-picker';
import { UploadError, uploadClaimPhotos } from '@/components/files/upload';
import { OutboxClaims } from '@/components/pwa/outbox-claims';
import { claimEditing, forgetClaimEditing, outboxUserId } from '@/components/pwa/outbox-store';
import { PHOTO_TYPES, type PhotoType } from '@/lib/files/limits';
import { discardItem, enqueueClaim, getItem, requestBackgroundSync, type OutboxClaimItem } from '@/lib/pwa/outbox';
import { ADDRESS_MAX_LENGTH, CONTACT_MAX_LENGTH, createClaimSchema, DESCRIPTION_MAX_LENGTH, fieldErrorsOf } from '@/lib/claims/schemas';
import { newIdempotencyKey, postJson } from './api';
import { forgetDraft, loadDraft, saveDraft, type ClaimDraft } from './claim-draft';
import { claimFailureSaid, claimFieldErrors, type ClaimField, type Said } from './claim-errors';
import { Alert, InputField, RadioCards, TextAreaField } from './form-controls';
import { CLAIMS_HREF, claimHref, newClaimHref } from './links';
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from './styles';

// Filing a claim from the phone: the construction, what is wrong, the words, the end customer,
// photos. Sent once per draft (its Idempotency-Key), then the photos one by one with progress; a
// photo that does not get through leaves the claim filed and says so, with a way to send it again.
// Offline (or when the filing gets no answer) the claim and its photos go to the outbox under the
// draft's key and are sent by themselves when the connection returns.

export type ClaimFormOrder = {
  number: string;
  customerRef: string | null;
  items: { position: number; name: string; kind: ItemKind; widthMm: number; heightMm: number; quantity: number }[];
};

type Props = { order: ClaimFormOrder; position: number | null };

const subscribeNothing = () => () => {};

/** The form once the browser runs it: the draft lives in the tab's storage, which the server cannot read. */
export function ClaimForm(props: Props) {
  const t = useTranslations('claimsDealer.form');
  const hydrated = useSyncExternalStore(subscribeNothing, () => true, () => false);
  if (!hydrated) {
    return (
      <p role="status" className="rounded-2xl border border-slate-200 bg-white p-4 text-sm text-slate-600">
        {t('loading')}
      </p>
    );
  }
  return <ClaimFormBody {...props} />;
}

type Phase = 'editing' | 'sending' | 'uploading' | 'photosFailed';
type Filed = { number: string };
type Progress = { current: number; total: number; fraction: number };

function ClaimFormBody({ order, position: initialPosition }: Props) {
  const t = useTranslations('claimsDealer.form');
  const te = useTranslations('claimsDealer.errors');
  const to = useTranslations('outbox');
  const tCategory = useTranslations('claimCategory');
  const tc = useTranslations('construction');
  const tOrder = useTranslations('orderDetail');
  const uploadErrorText = useUploadErrorText();
  const router = useRouter();

  const [draft, setDraft] = useState<ClaimDraft>(() => {
    const loaded = loadDraft(order.number, initialPosition);
    // A position the order does not have (an old link) falls back to the whole order.
    return loaded.position !== null && !order.items.some((i) => i.position === loaded.position) ? { ...loaded, position: null } : loaded;
  });
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<ClaimField, Said>>>({});
  const [problem, setProblem] = useState<(Said & { claimNumber?: string }) | null>(null);
  const [phase, setPhase] = useState<Phase>('editing');
  const [filed, setFiled] = useState<Filed | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [uploadFailure, setUploadFailure] = useState<{ text: string; sent: number; total: number } | null>(null);
  const [queued, setQueued] = useState(false);
  const [storeFailed, setStoreFailed] = useState(false);
  // A claim the server refused, opened from the outbox to be fixed: its photos come back here.
  const [editing] = useState(() => claimEditing(order.number));
  // A second tap arrives before React has re-rendered the disabled button.
  const busy = useRef(false);

  useEffect(() => {
    if (!filed && !queued) saveDraft(order.number, draft);
  }, [order.number, draft, filed, queued]);

  useEffect(() => {
    if (!editing) return;
    let cancelled = false;
    void getItem(editing)
      .then((item) => {
        if (cancelled) return;
        if (item?.kind !== 'claim' || item.state !== 'failed') {
          forgetClaimEditing(order.number);
          return;
        }
        setPhotos(pickedFromOutbox(item));
        if (item.error) {
          const failure = { ok: false as const, ...item.error };
          setFieldErrors(claimFieldErrors(failure.details));
          setProblem(claimFailureSaid(failure) ?? { key: 'fixFields' });
        }
      })
      .catch((err: unknown) => console.error('claim form: the refused claim could not be read from the outbox', { order: order.number, err }));
    return () => {
      cancelled = true;
    };
  }, [editing, order.number]);

  const update = (change: Partial<ClaimDraft>, clears: ClaimField[]) => {
    setDraft((d) => ({ ...d, ...change }));
    if (clears.some((f) => fieldErrors[f])) setFieldErrors((errors) => Object.fromEntries(Object.entries(errors).filter(([f]) => !clears.includes(f as ClaimField))));
  };
  const say = (s: Said | undefined) => (s ? te(s.key, s.values) : undefined);
  const transit = draft.category === 'transit_damage';

  function payload() {
    return {
      orderNumber: order.number,
      ...(draft.position !== null ? { itemPosition: draft.position } : {}),
      category: draft.category,
      description: draft.description,
      customerAddress: draft.customerAddress,
      customerContact: draft.customerContact,
      ...(transit && draft.damageNoted ? { damageNotedOnDelivery: draft.damageNoted === 'yes' } : {}),
    };
  }

  async function sendPhotos(number: string, toSend: PickedPhoto[]) {
    if (toSend.length === 0) return true;
    setPhase('uploading');
    setUploadFailure(null);
    setProgress({ current: 1, total: toSend.length, fraction: 0 });
    try {
      await uploadClaimPhotos(
        number,
        toSend.map((p) => p.file),
        { onProgress: setProgress },
      );
      return true;
    } catch (err) {
      const sent = err instanceof UploadError ? err.index : 0;
      // What got through is on the claim; what is left stays here to be sent again.
      setPhotos(toSend.slice(sent));
      setUploadFailure({ text: uploadErrorText(err), sent, total: toSend.length });
      setPhase('photosFailed');
      return false;
    } finally {
      setProgress(null);
    }
  }

  /** Keeps the claim with its photos on this device, to be sent when the connection returns. */
  async function queue(body: ReturnType<typeof payload>) {
    try {
      await enqueueClaim({
        id: draft.key,
        userId: outboxUserId(),
        body,
        photos: photos.map((p) => ({ blob: p.file, name: p.file.name, type: p.file.type })),
      });
    } catch (err) {
      console.error('claim form: the claim could not be saved for later', { order: order.number, err });
      setPhase('editing');
      setStoreFailed(true);
      return;
    }
    if (editing) {
      await discardItem(editing).catch(() => {});
      forgetClaimEditing(order.number);
    }
    forgetDraft(order.number);
    setQueued(true);
    setPhase('editing');
    void requestBackgroundSync();
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (busy.current) return;
    busy.current = true;
    try {
      if (filed) {
        // The claim is in; only photos are left to send.
        if (await sendPhotos(filed.number, photos)) router.replace(`${claimHref(filed.number)}?filed=1`);
        return;
      }
      setProblem(null);
      const body = payload();
      const checked = createClaimSchema.safeParse(body);
      if (!checked.success) {
        setFieldErrors(claimFieldErrors(fieldErrorsOf(checked.error)));
        setProblem({ key: 'fixFields' });
        return;
      }
      setPhase('sending');
      setStoreFailed(false);
      if (!navigator.onLine) {
        await queue(body);
        return;
      }
      const answer = await postJson<{ number: string }>('/api/v1/claims', body, { 'Idempotency-Key': draft.key });
      if (!answer.ok && answer.status === 0) {
        // It may or may not have arrived: the outbox sends it again under the same key.
        await queue(body);
        return;
      }
      if (!answer.ok) {
        setPhase('editing');
        setFieldErrors(claimFieldErrors(answer.details));
        setProblem(claimFailureSaid(answer) ?? { key: 'fixFields' });
        if (answer.status === 409 && /idempotency-key/i.test(answer.message)) {
          // That key filed another claim: this draft needs a key of its own if sent on purpose.
          setDraft((d) => ({ ...d, key: newIdempotencyKey() }));
        }
        return;
      }
      const number = answer.body.number;
      setFiled({ number });
      forgetDraft(order.number);
      if (editing) {
        void discardItem(editing).catch(() => {});
        forgetClaimEditing(order.number);
      }
      setFieldErrors({});
      if (await sendPhotos(number, photos)) router.replace(`${claimHref(number)}?filed=1`);
    } finally {
      busy.current = false;
    }
  }

  const sending = phase === 'sending' || phase === 'uploading';
  const locked = sending || filed !== null;
  const firstError = CLAIM_ORDER_OF_FIELDS.find((f) => fieldErrors[f]);

  useEffect(() => {
    if (firstError) document.getElementById(FIELD_IDS[firstError])?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [firstError]);

  if (queued) {
    return (
      <div className="flex flex-col gap-4" data-testid="claim-queued">
        <Alert tone="warning" testId="claim-form-queued">
          <p className="font-semibold">{to('savedTitle')}</p>
          <p>{to('saved')}</p>
        </Alert>
        <OutboxClaims />
        <div className="flex flex-wrap gap-3">
          <Link href={CLAIMS_HREF} className={SECONDARY_BUTTON}>
            {to('toList')}
          </Link>
          <Link href={newClaimHref()} className={SECONDARY_BUTTON}>
            {t('changeOrder')}
          </Link>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4" data-testid="claim-form" aria-busy={sending}>
      <section className="flex flex-col gap-1 rounded-2xl border border-slate-200 bg-white p-4 md:p-5">
        <p className="text-sm text-slate-600">{t('order')}</p>
        <p className="text-lg font-semibold tabular-nums" data-testid="claim-form-order">
          {t('orderValue', { number: order.number })}
        </p>
        {order.customerRef ? <p className="text-sm break-words text-slate-700">{order.customerRef}</p> : null}
        {filed ? null : (
          <Link href={newClaimHref()} className="inline-flex min-h-11 items-center self-start text-sm font-medium text-brand-700 hover:underline">
            {t('changeOrder')}
          </Link>
        )}
      </section>

      <fieldset disabled={locked} className="flex min-w-0 flex-col gap-5 rounded-2xl border border-slate-200 bg-white p-4 md:p-5">
        <div className="max-h-[28rem] overflow-y-auto overscroll-contain">
          <RadioCards
            id={FIELD_IDS.itemPosition}
            name="position"
            legend={t('construction')}
            error={say(fieldErrors.itemPosition) ?? say(fieldErrors.orderNumber)}
            value={draft.position === null ? 'whole' : String(draft.position)}
            onChange={(v) => update({ position: v === 'whole' ? null : Number(v) }, ['itemPosition', 'orderNumber'])}
            options={[
              ...order.items.map((item) => ({
                value: String(item.position),
                testId: `position-${item.position}`,
                label: `${tOrder('position', { position: item.position })} · ${item.name}`,
                detail: [
                  tc(`kind.${item.kind}`),
                  tc('sizeValue', { width: item.widthMm, height: item.heightMm }),
                  item.quantity > 1 ? tc('quantityValue', { count: item.quantity }) : null,
                ]
                  .filter(Boolean)
                  .join(', '),
              })),
              { value: 'whole', testId: 'position-whole', label: t('wholeOrder'), detail: t('wholeOrderHint') },
            ]}
          />
        </div>

        <RadioCards
          id={FIELD_IDS.category}
          name="category"
          legend={t('category')}
          error={say(fieldErrors.category)}
          columns={2}
          value={draft.category}
          onChange={(v) => update({ category: v, ...(v === 'transit_damage' ? {} : { damageNoted: '' }) }, ['category', 'damageNotedOnDelivery'])}
          options={CLAIM_CATEGORIES.map((c: ClaimCategory) => ({ value: c, label: tCategory(c), testId: `category-${c}` }))}
        />

        {transit ? (
          <RadioCards
            id={FIELD_IDS.damageNotedOnDelivery}
            name="damageNoted"
            legend={t('damageNoted')}
            hint={t('damageNotedHint')}
            error={say(fieldErrors.damageNotedOnDelivery)}
            value={draft.damageNoted}
            onChange={(v) => update({ damageNoted: v }, ['damageNotedOnDelivery'])}
            options={[
              { value: 'yes' as const, label: t('damageNotedYes'), testId: 'damage-noted-yes' },
              { value: 'no' as const, label: t('damageNotedNo'), testId: 'damage-noted-no' },
            ]}
          />
        ) : null}

        <TextAreaField
          id={FIELD_IDS.description}
          label={t('description')}
          hint={t('descriptionHint')}
          error={say(fieldErrors.description)}
          value={draft.description}
          maxLength={DESCRIPTION_MAX_LENGTH}
          rows={5}
          onChange={(e) => update({ description: e.target.value }, ['description'])}
        />

        <div className="flex flex-col gap-3">
          <h2 className="text-sm font-semibold text-slate-800">{t('customer')}</h2>
          <InputField
            id={FIELD_IDS.customerAddress}
            label={t('customerAddress')}
            optional={t('optional')}
            hint={t('customerAddressHint')}
            error={say(fieldErrors.customerAddress)}
            value={draft.customerAddress}
            maxLength={ADDRESS_MAX_LENGTH}
            autoComplete="off"
            onChange={(e) => update({ customerAddress: e.target.value }, ['customerAddress'])}
          />
          <InputField
            id={FIELD_IDS.customerContact}
            label={t('customerContact')}
            optional={t('optional')}
            hint={t('customerContactHint')}
            error={say(fieldErrors.customerContact)}
            value={draft.customerContact}
            maxLength={CONTACT_MAX_LENGTH}
            autoComplete="off"
            onChange={(e) => update({ customerContact: e.target.value }, ['customerContact'])}
          />
        </div>
      </fieldset>

      <section aria-labelledby="claim-photos-title" className="flex flex-col gap-2 rounded-2xl border border-slate-200 bg-white p-4 md:p-5">
        <h2 id="claim-photos-title" className="text-sm font-semibold text-slate-800">
          {t('photos')}
        </h2>
        <p className="text-sm text-slate-600">{t('photosHint')}</p>
        <PhotoPicker photos={photos} onChange={setPhotos} disabled={sending} />
      </section>

      <div className="flex flex-col gap-3">
        {editing && problem ? (
          <p className="text-sm font-semibold text-red-900" data-testid="claim-form-editing">
            {to('editingTitle')}
          </p>
        ) : null}
        {storeFailed ? (
          <Alert testId="claim-form-store-failed">
            <p>{to('storageFailed')}</p>
          </Alert>
        ) : null}
        {problem ? (
          <Alert testId="claim-form-problem">
            <p>{te(problem.key, problem.values)}</p>
            {problem.claimNumber ? (
              <Link href={claimHref(problem.claimNumber)} className="font-semibold underline underline-offset-2">
                {t('openClaim', { number: problem.claimNumber })}
              </Link>
            ) : null}
          </Alert>
        ) : null}
        {filed && uploadFailure ? (
          <Alert tone="warning" testId="claim-photos-failed">
            <p className="font-semibold">{t('filedPhotosFailed', { number: filed.number, sent: uploadFailure.sent, total: uploadFailure.total })}</p>
            <p>{uploadFailure.text}</p>
            <p>{t('addPhotosThere')}</p>
            <Link href={claimHref(filed.number)} className={`${SECONDARY_BUTTON} self-start`}>
              {t('openClaim', { number: filed.number })}
            </Link>
          </Alert>
        ) : null}
        {progress ? <UploadProgress {...progress} /> : null}
        <button type="submit" disabled={sending || (filed !== null && photos.length === 0)} className={PRIMARY_BUTTON} data-testid="claim-submit">
          {phase === 'sending' ? t('sending') : phase === 'uploading' ? t('sendingPhotos') : filed ? t('retryPhotos') : t('submit')}
        </button>
        {filed ? null : <p className="text-xs text-slate-600">{t('submitHint')}</p>}
      </div>
    </form>
  );
}

const FIELD_IDS: Record<ClaimField, string> = {
  orderNumber: 'claim-position',
  itemPosition: 'claim-position',
  category: 'claim-category',
  damageNotedOnDelivery: 'claim-damage-noted',
  description: 'claim-description',
  customerAddress: 'claim-customer-address',
  customerContact: 'claim-customer-contact',
};

/** The fields top to bottom: the first one with a problem is brought into view. */
const CLAIM_ORDER_OF_FIELDS: readonly ClaimField[] = ['orderNumber', 'itemPosition', 'category', 'damageNotedOnDelivery', 'description', 'customerAddress', 'customerContact'];

const isPhotoType = (type: string): type is PhotoType => (PHOTO_TYPES as readonly string[]).includes(type);

/** The photos of a refused claim from the outbox, back in the picker as if just picked. */
function pickedFromOutbox(item: OutboxClaimItem): PickedPhoto[] {
  return item.payload.photos.map((photo, index) => {
    const type = isPhotoType(photo.type) ? photo.type : 'image/jpeg';
    const file = new File([photo.blob], photo.name, { type });
    return {
      key: `${item.id}:${index}`,
      file,
      type,
      compressed: false,
      originalName: photo.name,
      originalSize: file.size,
      previewUrl: type === 'image/heic' || type === 'image/heif' ? null : URL.createObjectURL(file),
    };
  });
}
