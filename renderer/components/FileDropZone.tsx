// A place to drop a file, with the ordinary file chooser inside it for the keyboard and screen
// readers: the chooser is a real <input type="file"> with its own label.
import { Field, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowUploadRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import type { DragEvent, ReactNode } from 'react';

const useStyles = makeStyles({
  zone: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalL,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  over: {
    border: `2px dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  prompt: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  file: {
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
});

interface Props {
  /** The chooser's label, e.g. "MIS extract (CSV)". */
  label: string;
  hint?: string;
  accept: string;
  multiple?: boolean;
  disabled?: boolean;
  onFiles: (files: File[]) => void;
  children?: ReactNode;
}

export function hasFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer.types).includes('Files');
}

export function FileDropZone(p: Props) {
  const s = useStyles();
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const take = (list: FileList | null) => {
    const files = Array.from(list ?? []);
    if (files.length > 0 && !p.disabled) p.onFiles(p.multiple ? files : files.slice(0, 1));
  };
  return (
    <div
      className={mergeClasses(s.zone, over && s.over)}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.stopPropagation();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.stopPropagation();
        setOver(false);
        take(e.dataTransfer.files);
      }}
    >
      <span className={s.prompt} aria-hidden>
        <ArrowUploadRegular fontSize={24} />
        {p.multiple ? 'Drop the files here, or choose them:' : 'Drop the file here, or choose it:'}
      </span>
      <Field label={p.label} hint={p.hint}>
        {(props) => (
          <input
            {...props}
            ref={input}
            className={s.file}
            type="file"
            accept={p.accept}
            multiple={p.multiple}
            disabled={p.disabled}
            onChange={(e) => {
              take(e.currentTarget.files);
              // Choosing the same file again should load it again.
              e.currentTarget.value = '';
            }}
          />
        )}
      </Field>
      {p.children}
    </div>
  );
}
