import { RegistrationSection } from '@/components/registration/registration-section';
import type { loadEmbedEvent } from '@/lib/embed/event-page';

type EmbedEventData = NonNullable<Awaited<ReturnType<typeof loadEmbedEvent>>>;

/** The registration block of the event and form embeds, carrying the embed's context. */
export function EmbedRegistration({ data, heading }: { data: EmbedEventData & { form: NonNullable<EmbedEventData['form']> }; heading?: { level: 'h1' | 'h2'; text: string } }) {
  return (
    <RegistrationSection
      form={data.form}
      attribution={null}
      now={data.now}
      viewerTimeZone={data.viewerTimeZone}
      locale={data.locale}
      embed={data.context}
      heading={heading}
      initialSessionId={data.initialSessionId}
    />
  );
}
