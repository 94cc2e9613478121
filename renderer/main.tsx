import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connect } from './api';
import { App } from './app/App';
import { NoAccess } from './app/NoAccess';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
const mount = createRoot(root);
void connect().then((c) =>
  mount.render(
    <StrictMode>{'api' in c ? <App api={c.api} /> : <NoAccess reason={c.noAccess} />}</StrictMode>,
  ),
);
