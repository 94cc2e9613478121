// The upload server's CA certificate: chosen with the browser's own file picker and read here, so
// its PEM text is what is sent. The main process never opens a path the page chose.
import { Button, Field, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useRef, useState } from 'react';
import { fileToText } from '../app/bytes';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM },
  file: {
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
});

interface Props {
  fileName: string | null;
  error?: string;
  onChosen: (file: { name: string; text: string } | null) => void;
}

export function CaCertificateInput({ fileName, error, onChosen }: Props) {
  const s = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const chosenId = useId();
  const [unreadable, setUnreadable] = useState<string | undefined>();
  const choose = async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    setUnreadable(undefined);
    const text = await fileToText(file);
    if (text.ok) return onChosen({ name: file.name, text: text.value });
    // Emptied, so choosing the same file again (once closed elsewhere) is a change the input sees.
    if (input.current) input.current.value = '';
    setUnreadable(text.error.message);
    onChosen(null);
  };
  const remove = () => {
    if (input.current) input.current.value = '';
    setUnreadable(undefined);
    onChosen(null);
  };
  const shown = error ?? unreadable;
  return (
    <Field
      label="CA certificate (optional)"
      hint="Only if your college or the server uses its own certificate authority: a .pem or .crt file your IT team gives you."
      validationState={shown ? 'error' : 'none'}
      validationMessage={shown}
    >
      {(props) => (
        <div className={s.row}>
          <input
            {...props}
            ref={input}
            className={s.file}
            type="file"
            accept=".pem,.crt,.cer,application/x-pem-file"
            aria-describedby={[props['aria-describedby'], fileName ? chosenId : undefined]
              .filter(Boolean)
              .join(' ')}
            onChange={(e) => void choose(e.currentTarget.files)}
          />
          {fileName && (
            <>
              <Text id={chosenId}>Chosen: {fileName}</Text>
              <Button size="small" onClick={remove}>
                Remove certificate
              </Button>
            </>
          )}
        </div>
      )}
    </Field>
  );
}
