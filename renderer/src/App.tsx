import { lazy, Suspense, useEffect } from 'react';
import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { useApp } from './stores/app';
import { AppFrame } from './app/AppFrame';
import { Loading } from './app/Loading';
import { ErrorBoundary } from './app/ErrorBoundary';
import { reportUncaughtErrors } from './app/errorLog';

// shown once per database: its own chunk (docs/PERFORMANCE.md, "Start")
const FirstRunScreen = lazy(() => import('./screens/firstrun/FirstRunScreen').then((m) => ({ default: m.FirstRunScreen })));

/** The whole window inside an error boundary, with uncaught errors reported to the log file. */
export function App() {
  useEffect(() => reportUncaughtErrors(), []);
  return (
    <ErrorBoundary>
      <Startup />
    </ErrorBoundary>
  );
}

/** Startup: ask main for the status, then show the first-run welcome or the working desk. */
function Startup() {
  const status = useApp((s) => s.status);
  const loadError = useApp((s) => s.loadError);
  const loading = useApp((s) => s.loading);
  const refresh = useApp((s) => s.refresh);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  if (!status) {
    if (loadError) {
      return (
        <Center h="100vh">
          <Stack align="center" gap="sm" maw={420}>
            <IconPlugConnectedX size={40} stroke={1.5} color="var(--mantine-color-red-6)" />
            <Title order={3}>无法启动</Title>
            <Text c="dimmed" ta="center">
              {loadError}
            </Text>
            <Button onClick={() => void refresh()} loading={loading}>
              重试
            </Button>
          </Stack>
        </Center>
      );
    }
    return <Loading text="正在打开数据库…" h="100vh" />;
  }

  if (status.firstRun)
    return (
      <Suspense fallback={<Loading h="100vh" />}>
        <FirstRunScreen />
      </Suspense>
    );
  return <AppFrame />;
}
