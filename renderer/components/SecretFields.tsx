// Password inputs with the vault's position said beside them: when the computer has no credential
// vault, ReturnDesk cannot remember a password and the user should know before typing one.
import { Field, Input, Text, makeStyles, tokens, mergeClasses } from '@fluentui/react-components';
import { LockClosedRegular, WarningRegular } from '@fluentui/react-icons';
import { useId } from 'react';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    columnGap: tokens.spacingHorizontalL,
  },
  field: { width: '20rem' },
  note: {
    display: 'flex',
    columnGap: tokens.spacingHorizontalS,
    maxWidth: '28rem',
    marginTop: '1.6rem',
    color: tokens.colorPaletteDarkOrangeForeground1,
  },
  noteOk: { color: tokens.colorNeutralForeground3 },
  icon: { flexShrink: 0, fontSize: '20px' },
});

export const NOT_REMEMBERED = 'Not remembered on this computer';

export function VaultNote({ vaultAvailable, id }: { vaultAvailable: boolean; id?: string }) {
  const s = useStyles();
  if (vaultAvailable) {
    return (
      <Text id={id} size={200} className={mergeClasses(s.note, s.noteOk)}>
        <LockClosedRegular className={s.icon} aria-hidden />
        Kept in this computer&apos;s credential vault, never in ReturnDesk&apos;s files.
      </Text>
    );
  }
  return (
    <Text id={id} size={200} className={s.note}>
      <WarningRegular className={s.icon} aria-hidden />
      <span>
        <strong>{NOT_REMEMBERED}.</strong> This computer has no credential vault ReturnDesk can use,
        so the password is not saved anywhere: ReturnDesk holds it in memory while it runs, and it
        is not remembered after ReturnDesk closes.
      </span>
    </Text>
  );
}

interface SecretFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error?: string;
  hint?: string;
  required?: boolean;
  vaultAvailable: boolean;
  /** Only the password is announced with the vault note; the group key sits under the same rule. */
  withNote?: boolean;
}

export function SecretField(p: SecretFieldProps) {
  const s = useStyles();
  const noteId = useId();
  return (
    <div className={s.row}>
      <Field
        className={s.field}
        label={p.label}
        required={p.required}
        hint={p.error ? undefined : p.hint}
        validationState={p.error ? 'error' : 'none'}
        validationMessage={p.error}
      >
        <Input
          type="password"
          autoComplete="off"
          value={p.value}
          aria-describedby={p.withNote ? noteId : undefined}
          onChange={(_, d) => p.onChange(d.value)}
          onBlur={p.onBlur}
        />
      </Field>
      {p.withNote && <VaultNote vaultAvailable={p.vaultAvailable} id={noteId} />}
    </div>
  );
}
