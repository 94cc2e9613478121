// A failure while drawing one screen shows a plain message in its place and leaves the frame,
// navigation and the user's drafts (kept above this boundary) untouched.
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
} from '@fluentui/react-components';
import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { readableError } from './errors';

interface Props {
  /** Changing it (e.g. going to another screen) clears the failure. */
  resetKey: string;
  children: ReactNode;
}

export class ScreenErrorBoundary extends Component<Props, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error ?? new Error('Unknown failure') };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // The detail goes to the developer console, never onto the screen.
    console.error(error, info.componentStack);
  }

  override componentDidUpdate(prev: Props): void {
    if (prev.resetKey !== this.props.resetKey && this.state.error !== null) {
      this.setState({ error: null });
    }
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <div role="alert" className="rd-screen-failure">
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>This screen stopped working</MessageBarTitle>
            Something went wrong while showing it. What you had typed is kept (apart from passwords,
            which are never kept) and your history is unchanged. Press Try again; if it happens
            again, restart ReturnDesk.
            <Text block size={200}>
              What went wrong: {readableError(this.state.error)}
            </Text>
          </MessageBarBody>
        </MessageBar>
        <Button appearance="primary" onClick={() => this.setState({ error: null })}>
          Try again
        </Button>
      </div>
    );
  }
}
