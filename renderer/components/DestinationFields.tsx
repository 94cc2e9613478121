// An upload destination: the extranet (or portal) address, the upload area, the user's name there,
// an optional CA certificate, and optionally the password and the area's group key.
import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import type { DestinationFormValues } from '../forms/destination-form';
import type { Form } from '../forms/use-form';
import { CaCertificateInput } from './CaCertificateInput';
import { SecretField } from './SecretFields';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
  },
  field: { flexGrow: 1, minWidth: '16rem', maxWidth: '30rem' },
});

type TextKey = 'name' | 'url' | 'area' | 'username';

interface TextFieldSpec {
  key: TextKey;
  label: string;
  hint: string;
  type?: 'url';
  autoComplete?: string;
}

const TEXT_FIELDS: TextFieldSpec[][] = [
  [
    { key: 'name', label: 'Destination name', hint: 'Your own name for it, e.g. HEFCE extranet.' },
    {
      key: 'url',
      label: 'Web address',
      hint: 'Starts with https://, e.g. https://extranet.example.ac.uk/.',
      type: 'url',
    },
  ],
  [
    {
      key: 'area',
      label: 'Upload area',
      hint: 'As the extranet names it, e.g. FAMD General upload area (GUA).',
    },
    {
      key: 'username',
      label: 'User name',
      hint: 'Your user name on the extranet.',
      autoComplete: 'username',
    },
  ],
];

interface Props {
  form: Form<DestinationFormValues>;
  vaultAvailable: boolean;
  /** When the user has just asked for this form: start typing in its first field. */
  autoFocus?: boolean;
}

export function DestinationFields(p: Props) {
  const s = useStyles();
  const { values, errors, set, blur } = p.form;
  return (
    <div className={s.stack}>
      {TEXT_FIELDS.map((row) => (
        <div className={s.row} key={row[0]?.key}>
          {row.map((f) => (
            <Field
              key={f.key}
              className={s.field}
              label={f.label}
              hint={errors[f.key] ? undefined : f.hint}
              required
              validationState={errors[f.key] ? 'error' : 'none'}
              validationMessage={errors[f.key]}
            >
              <Input
                value={values[f.key]}
                autoFocus={p.autoFocus && f.key === 'name'}
                type={f.type}
                autoComplete={f.autoComplete ?? 'off'}
                onChange={(_, d) => set({ [f.key]: d.value })}
                onBlur={() => blur(f.key)}
              />
            </Field>
          ))}
        </div>
      ))}
      <CaCertificateInput
        fileName={values.caFileName}
        error={errors.caPem}
        onChosen={(file) => {
          set({ caPem: file?.text ?? null, caFileName: file?.name ?? null });
          blur('caPem');
        }}
      />
      <SecretField
        label="Password (optional)"
        hint="Leave empty to be asked each time."
        value={values.password}
        onChange={(password) => set({ password })}
        onBlur={() => blur('password')}
        error={errors.password}
        vaultAvailable={p.vaultAvailable}
        withNote
      />
      <SecretField
        label="Group key (optional)"
        hint="The key that lets you join the upload area, e.g. P699 8C22EF79."
        value={values.groupKey}
        onChange={(groupKey) => set({ groupKey })}
        onBlur={() => blur('groupKey')}
        error={errors.groupKey}
        vaultAvailable={p.vaultAvailable}
      />
    </div>
  );
}
