import { Group, Input, Radio, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import {
  concernAreaLabels,
  concernAreas,
  type AnswerValue,
  type ConcernArea,
  type IntakeQuestion,
  type ViewAnswer,
} from '../../../electron/features/intake/form';

/** The id of a question's (first) input: the submit check scrolls to and focuses it. */
export const fieldId = (key: string) => `intake-${key}`;

interface Props {
  question: IntakeQuestion;
  value: AnswerValue | undefined;
  required: boolean;
  error: string | undefined;
  readOnly: boolean;
  onChange(value: AnswerValue): void;
}

const text = (v: AnswerValue | undefined) => (typeof v === 'string' ? v : '');

/** One question of the aanmeldformulier, drawn by its kind; the error sits next to it. */
export function QuestionField(props: Props) {
  const { question: q, value, required, error, readOnly, onChange } = props;
  // The help text says the same as the error for some questions; say it once.
  const description = q.help && q.help !== error ? q.help : undefined;
  const variant = readOnly ? 'filled' : 'default';
  const common = { label: q.label, description, required, error, readOnly, variant, id: fieldId(q.key) };
  switch (q.kind) {
    case 'text':
      return <TextInput {...common} value={text(value)} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'longtext':
      return (
        <Textarea {...common} autosize minRows={3} maxRows={16} value={text(value)} onChange={(e) => onChange(e.currentTarget.value)} />
      );
    case 'choice':
      return (
        <Select
          {...common}
          data={q.options.filter((o) => o.trim())}
          value={text(value) || null}
          onChange={(v) => onChange(v ?? null)}
          clearable={!readOnly}
          maw={420}
        />
      );
    case 'yesno':
      return (
        <Radio.Group
          label={q.label}
          description={description}
          required={required}
          error={error}
          readOnly={readOnly}
          value={value === true ? 'ja' : value === false ? 'nee' : null}
          onChange={(v) => onChange(v === 'ja')}
        >
          <Group mt={6}>
            <Radio id={fieldId(q.key)} value="ja" label="ja" disabled={readOnly} />
            <Radio value="nee" label="nee" disabled={readOnly} />
          </Group>
        </Radio.Group>
      );
    case 'areas':
      return <AreasField {...props} description={description} />;
    case 'view':
      return <ViewField {...props} description={description} />;
  }
}

function AreasField({ question: q, value, required, error, readOnly, onChange, description }: Props & { description?: string }) {
  const areas = (value && typeof value === 'object' && !('text' in value) ? value : {}) as Partial<Record<ConcernArea, string>>;
  const errorId = `${fieldId(q.key)}-error`;
  return (
    <Input.Wrapper
      label={q.label}
      labelElement="div"
      description={description}
      required={required}
      error={error}
      errorProps={{ id: errorId }}
      role="group"
      aria-label={q.label}
      aria-describedby={error ? errorId : undefined}
    >
      <SimpleGrid cols={{ base: 1, md: 2 }} mt={6} spacing="sm">
        {concernAreas.map((area, i) => (
          <Textarea
            key={area}
            id={i === 0 ? fieldId(q.key) : undefined}
            label={concernAreaLabels[area]}
            autosize
            minRows={2}
            maxRows={12}
            readOnly={readOnly}
            variant={readOnly ? 'filled' : 'default'}
            // Red and aria-invalid without a message of its own: the group's message says what is missing.
            error={!!error}
            value={areas[area] ?? ''}
            onChange={(e) => onChange({ ...areas, [area]: e.currentTarget.value })}
          />
        ))}
      </SimpleGrid>
    </Input.Wrapper>
  );
}

function ViewField({ question: q, value, required, error, readOnly, onChange, description }: Props & { description?: string }) {
  const view: ViewAnswer = value && typeof value === 'object' && 'text' in value ? (value as ViewAnswer) : { text: '', missingReason: '' };
  return (
    <Stack gap={6} role="group" aria-label={q.label}>
      <Textarea
        id={fieldId(q.key)}
        label={q.label}
        description={description ?? 'In de eigen woorden van ouders of leerling.'}
        required={required}
        error={error}
        readOnly={readOnly}
        variant={readOnly ? 'filled' : 'default'}
        autosize
        minRows={3}
        maxRows={16}
        value={view.text}
        onChange={(e) => onChange({ ...view, text: e.currentTarget.value })}
      />
      <TextInput
        label="Reden dat deze ontbreekt"
        // Each view has this field: its name says whose view it is (the visible label comes first).
        aria-label={`Reden dat deze ontbreekt: ${q.label}`}
        description="Alleen als de visie ontbreekt, bijvoorbeeld: ouders niet bereikt."
        size="sm"
        readOnly={readOnly}
        variant={readOnly ? 'filled' : 'default'}
        value={view.missingReason}
        onChange={(e) => onChange({ ...view, missingReason: e.currentTarget.value })}
      />
    </Stack>
  );
}
