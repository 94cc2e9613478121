// The Amendment files screen: the list (#/files), the new-file wizard (#/files/new) and one file
// (#/files/NAME), and one ILR XML file (#/files/xml/NAME).
import { ScreenTitle } from '../../components/ScreenTitle';
import { filesView } from './files-route';
import { FileDetailScreen } from './list/FileDetailScreen';
import { FileListScreen } from './list/FileListScreen';
import { useWindowFileDrop } from './list/use-window-drop';
import { NewFileWizard } from './wizard/NewFileWizard';
import { XmlFileDetailScreen } from './xml/XmlFileDetailScreen';

export function FilesScreen({ params }: { params: string[] }) {
  const v = filesView(params);
  if (v.view === 'new') return <NewFilePage planId={v.planId} rowRef={v.ref} />;
  if (v.view === 'xml') return <XmlFileDetailScreen key={v.name} name={v.name} />;
  if (v.view === 'file') return <FileDetailScreen key={v.name} name={v.name} />;
  return <FileListScreen />;
}

function NewFilePage({ planId, rowRef }: { planId: number | null; rowRef: number | null }) {
  // A file dropped outside the drop zone must not replace the app with the file.
  useWindowFileDrop(null);
  return (
    <>
      <ScreenTitle title="New amendment file">New amendment file</ScreenTitle>
      <NewFileWizard planId={planId} rowRef={rowRef} />
    </>
  );
}
