// A screen that throws while drawing must not leave the receptionist in front of a blank window:
// the boundary shows what happened in Chinese, offers 重新加载 and 查看日志, and writes the error to
// the log file (system.log.write). Saved data is in main's database and is not affected.
import { Component, useEffect, useRef, useState, type ErrorInfo, type ReactNode } from 'react';
import { Alert, Button, Center, Code, Group, Modal, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconFileText, IconRefresh } from '@tabler/icons-react';
import { api } from '../bridge';
import { describeError, messageOf, reportToLog } from './errorLog';

interface State {
  error: unknown;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error ?? new Error('未知错误') };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    reportToLog('error', `界面出错：${messageOf(error)}`, `${describeError(error)}\n组件：${info.componentStack ?? ''}`);
  }

  override render(): ReactNode {
    if (this.state.error) return <ErrorScreen message={messageOf(this.state.error)} />;
    return this.props.children;
  }
}

type LogView =
  { state: 'idle' } | { state: 'loading' } | { state: 'shown'; path: string; opened: boolean; text: string } | { state: 'failed'; message: string };

/** 查看日志: Electron opens the file in the system's viewer; in any case the end of it is shown here. */
export function useLogView() {
  const [view, setView] = useState<LogView>({ state: 'idle' });
  const open = async () => {
    setView({ state: 'loading' });
    try {
      const r = await api['system.log.open']({});
      setView(r.ok ? { state: 'shown', ...r.value } : { state: 'failed', message: r.error.message });
    } catch {
      setView({ state: 'failed', message: '无法连接后台服务，日志未能打开' });
    }
  };
  return { view, open };
}

export function LogPanel({ view }: { view: LogView }) {
  const viewport = useRef<HTMLDivElement>(null);
  // the newest entries are at the end: start there
  useEffect(() => {
    if (view.state === 'shown') viewport.current?.scrollTo({ top: viewport.current.scrollHeight });
  }, [view]);
  if (view.state === 'failed') return <Alert color="red">{view.message}</Alert>;
  if (view.state !== 'shown') return null;
  return (
    <Stack gap={6} w="100%" data-testid="log-panel">
      <Text size="sm">
        {view.opened ? '已用系统程序打开日志文件：' : '日志文件：'}
        <Code>{view.path}</Code>
      </Text>
      <ScrollArea h={220} type="auto" offsetScrollbars viewportRef={viewport}>
        <Code block fz="xs" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
          {view.text || '（日志为空）'}
        </Code>
      </ScrollArea>
    </Stack>
  );
}

function ErrorScreen({ message }: { message: string }) {
  const { view, open } = useLogView();
  return (
    <Center mih="100vh" p="xl">
      <Stack align="center" gap="md" maw={720} w="100%" role="alert">
        <IconAlertTriangle size={44} stroke={1.5} color="var(--mantine-color-orange-6)" />
        <Title order={3}>界面出错了</Title>
        <Text ta="center">
          这个页面没能显示出来，已保存的数据不受影响。
          <br />
          请点「重新加载」继续工作；问题反复出现时，请点「查看日志」并把日志交给管理员。
        </Text>
        <Text size="sm" c="dimmed" ta="center">
          错误信息：{message}
        </Text>
        <Group>
          <Button leftSection={<IconRefresh size={16} />} onClick={() => window.location.reload()} data-autofocus>
            重新加载
          </Button>
          <Button variant="default" leftSection={<IconFileText size={16} />} loading={view.state === 'loading'} onClick={() => void open()}>
            查看日志
          </Button>
        </Group>
        <LogPanel view={view} />
      </Stack>
    </Center>
  );
}

/** 查看日志 anywhere (e.g. in 设置): opens the log (Electron) and shows its end in a dialog. */
export function ViewLogButton({ label = '查看日志' }: { label?: string }) {
  const { view, open } = useLogView();
  const [shown, setShown] = useState(false);
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconFileText size={16} />}
        loading={view.state === 'loading'}
        onClick={() => {
          setShown(true);
          void open();
        }}
        data-testid="view-log"
      >
        {label}
      </Button>
      <Modal opened={shown && view.state !== 'idle' && view.state !== 'loading'} onClose={() => setShown(false)} title="日志" size="xl">
        <LogPanel view={view} />
      </Modal>
    </>
  );
}
