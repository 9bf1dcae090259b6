import { lazy, Suspense, useEffect, useState, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { AppShell, Badge, Box, Divider, Group, Kbd, Menu, NavLink, ScrollArea, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useHotkeys } from '@mantine/hooks';
import {
  IconAdjustmentsHorizontal,
  IconBuildingCommunity,
  IconCheck,
  IconChevronDown,
  IconFileImport,
  IconFileSpreadsheet,
  IconHeadset,
  IconKey,
  IconLayoutDashboard,
  IconListDetails,
  IconPencilPlus,
  IconPhoneCall,
  IconSearch,
  IconSettings,
  IconSpeakerphone,
  IconChartBar,
  IconUserCircle,
  IconLock,
  IconLogout,
  IconPassword,
  IconHistory,
} from '@tabler/icons-react';
import type { EstateT } from '../../../shared/contract/archives';
import { can, IDLE_MINUTES, ROLE_LABELS, type Permission } from '../../../shared/contract/accounts';
import { api } from '../bridge';
import { useAuth, useCurrentUser } from '../stores/auth';
import { ChangePasswordModal } from '../screens/accounts/ChangePasswordModal';
import { useNav, type Route } from './navigation';
import { useApp, useCurrentEstate, useEstates } from '../stores/app';
import { useLookup } from '../stores/lookup';
import { LookupModal, useLookupHotkey } from '../screens/search/LookupModal';
import { DashboardScreen } from '../screens/desk/dashboard/DashboardScreen';
import { IntakeScreen } from '../screens/desk/intake/IntakeScreen';
import { Loading } from './Loading';
import classes from './AppFrame.module.css';

// The first chunk holds the frame and the desk (工作台 and 受理登记, where the window opens and F2
// leads); every other screen is its own chunk, loaded when first opened and fetched in the background
// once the desk is up, so a first visit rarely waits (docs/PERFORMANCE.md, "Start").
const screenLoaders: (() => Promise<unknown>)[] = [];
function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): LazyExoticComponent<ComponentType<P>> {
  screenLoaders.push(load);
  return lazy(async () => ({ default: await load() }));
}
const BuildingsScreen = lazyScreen(() => import('../screens/buildings/BuildingsScreen').then((m) => m.BuildingsScreen));
const SettingsScreen = lazyScreen(() => import('../screens/settings/SettingsScreen').then((m) => m.SettingsScreen));
const HouseholdScreen = lazyScreen(() => import('../screens/household/HouseholdScreen').then((m) => m.HouseholdScreen));
const RosterImportScreen = lazyScreen(() => import('../screens/imports/RosterImportScreen').then((m) => m.RosterImportScreen));
const TicketListScreen = lazyScreen(() => import('../screens/desk/list/TicketListScreen').then((m) => m.TicketListScreen));
const TicketScreen = lazyScreen(() => import('../screens/desk/ticket/TicketScreen').then((m) => m.TicketScreen));
const CallbackQueueScreen = lazyScreen(() => import('../screens/desk/callbacks/CallbackQueueScreen').then((m) => m.CallbackQueueScreen));
const DeskSettingsScreen = lazyScreen(() => import('../screens/desk/settings/DeskSettingsScreen').then((m) => m.DeskSettingsScreen));
const LedgerImportScreen = lazyScreen(() => import('../screens/imports/LedgerImportScreen').then((m) => m.LedgerImportScreen));
const DeliveryScreen = lazyScreen(() => import('../screens/movein/DeliveryScreen').then((m) => m.DeliveryScreen));
const NoticesScreen = lazyScreen(() => import('../screens/notices/NoticesScreen').then((m) => m.NoticesScreen));
const MonthlyReportScreen = lazyScreen(() => import('../screens/reports/MonthlyReportScreen').then((m) => m.MonthlyReportScreen));
const AuditScreen = lazyScreen(() => import('../screens/audit/AuditScreen').then((m) => m.AuditScreen));

/** Fetches the other screens' chunks when the window is idle after the desk has shown. */
function usePrefetchScreens(): void {
  useEffect(() => {
    const fetchAll = () => screenLoaders.forEach((load) => void load().catch(() => undefined));
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(fetchAll, { timeout: 3000 });
      return () => cancelIdleCallback(id);
    }
    const timer = setTimeout(fetchAll, 1000);
    return () => clearTimeout(timer);
  }, []);
}

type Section =
  | 'desk'
  | 'intake'
  | 'tickets'
  | 'callbacks'
  | 'buildings'
  | 'rosterImport'
  | 'ledgerImport'
  | 'movein'
  | 'notices'
  | 'reports'
  | 'deskSettings'
  | 'settings'
  | 'audit';

interface NavEntry {
  id: Section;
  label: string;
  icon: ReactNode;
  route: Route;
  /** a key that opens it from anywhere */
  hotkey?: string;
  /** shown only to roles with this permission (docs/ACCOUNTS.md) */
  needs?: Permission;
}

// Only what works today is in the menu, grouped as the counter thinks of it; later domains add here.
const NAV_GROUPS: { label: string; entries: NavEntry[] }[] = [
  {
    label: '服务台',
    entries: [
      { id: 'desk', label: '工作台', icon: <IconLayoutDashboard size={18} stroke={1.6} />, route: { name: 'desk' } },
      { id: 'intake', label: '受理登记', icon: <IconPencilPlus size={18} stroke={1.6} />, route: { name: 'intake' }, hotkey: 'F2' },
      { id: 'tickets', label: '工单列表', icon: <IconListDetails size={18} stroke={1.6} />, route: { name: 'tickets' } },
      { id: 'callbacks', label: '回访', icon: <IconPhoneCall size={18} stroke={1.6} />, route: { name: 'callbacks' } },
    ],
  },
  {
    label: '档案',
    entries: [
      { id: 'buildings', label: '房屋档案', icon: <IconBuildingCommunity size={18} stroke={1.6} />, route: { name: 'buildings' } },
      { id: 'rosterImport', label: '名册导入', icon: <IconFileImport size={18} stroke={1.6} />, route: { name: 'rosterImport' } },
      { id: 'ledgerImport', label: '台账导入', icon: <IconFileSpreadsheet size={18} stroke={1.6} />, route: { name: 'ledgerImport' } },
    ],
  },
  {
    label: '单据',
    entries: [
      { id: 'movein', label: '交付入住', icon: <IconKey size={18} stroke={1.6} />, route: { name: 'movein' } },
      { id: 'notices', label: '通知公告', icon: <IconSpeakerphone size={18} stroke={1.6} />, route: { name: 'notices' } },
    ],
  },
  {
    label: '统计',
    entries: [{ id: 'reports', label: '月度投诉统计', icon: <IconChartBar size={18} stroke={1.6} />, route: { name: 'reports' } }],
  },
  {
    label: '设置',
    entries: [
      {
        id: 'deskSettings',
        label: '工单设置',
        icon: <IconAdjustmentsHorizontal size={18} stroke={1.6} />,
        route: { name: 'deskSettings' },
        needs: 'settings.edit',
      },
      { id: 'settings', label: '设置', icon: <IconSettings size={18} stroke={1.6} />, route: { name: 'settings' } },
      { id: 'audit', label: '操作日志', icon: <IconHistory size={18} stroke={1.6} />, route: { name: 'audit' }, needs: 'audit.view' },
    ],
  },
];

function sectionOf(route: Route): Section {
  switch (route.name) {
    case 'household':
    case 'firstRun':
      return 'buildings';
    case 'ticket':
      return 'tickets';
    default:
      return route.name;
  }
}

/** The working desk: header with lookup, the menu, and the current screen. */
export function AppFrame() {
  const route = useNav((s) => s.route);
  const go = useNav((s) => s.go);
  const active = sectionOf(route);
  useLookupHotkey();
  usePrefetchScreens();
  // F2 starts an intake from anywhere, even while typing elsewhere (the draft there is kept)
  useHotkeys([['F2', () => !useLookup.getState().opened && go({ name: 'intake' })]], []);
  const role = useCurrentUser()?.role;
  const shown = (e: NavEntry) => !e.needs || (role !== undefined && can(role, e.needs));

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 176, breakpoint: 0 }} padding="lg" classNames={{ main: classes.main }}>
      <AppShell.Header className={classes.header}>
        <FrameHeader />
      </AppShell.Header>
      <AppShell.Navbar p="xs" className={classes.navbar}>
        <AppShell.Section grow component={ScrollArea} scrollbars="y">
          {NAV_GROUPS.map((g, i) => (
            <Box key={g.label} mt={i ? 'sm' : 0}>
              <Text size="xs" c="dimmed" fw={500} px="sm" pb={4} className={classes.navGroup}>
                {g.label}
              </Text>
              {g.entries.filter(shown).map((s) => (
                <NavLink
                  key={s.id}
                  label={s.label}
                  leftSection={s.icon}
                  rightSection={s.hotkey ? <Kbd size="xs">{s.hotkey}</Kbd> : undefined}
                  active={active === s.id}
                  onClick={() => go(s.route)}
                  className={classes.navLink}
                  data-testid={`nav-${s.id}`}
                />
              ))}
            </Box>
          ))}
        </AppShell.Section>
        <AppShell.Section>
          <EstateFooter />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<Loading />}>
          <CurrentScreen route={route} />
        </Suspense>
      </AppShell.Main>
      <LookupModal />
    </AppShell>
  );
}

function CurrentScreen({ route }: { route: Route }) {
  const estateId = useApp((s) => s.estateId);
  switch (route.name) {
    case 'household':
      return <HouseholdScreen key={route.houseId} houseId={route.houseId} />;
    case 'rosterImport':
      return estateId ? <RosterImportScreen key={estateId} estateId={estateId} /> : null;
    case 'settings':
      return <SettingsScreen />;
    case 'desk':
      return <DashboardScreen />;
    case 'intake':
      return <IntakeScreen key={route.houseId ?? 'new'} houseId={route.houseId} />;
    case 'tickets':
      return <TicketListScreen key={route.preset ?? 'all'} preset={route.preset} />;
    case 'ticket':
      return <TicketScreen key={route.ticketId} ticketId={route.ticketId} />;
    case 'callbacks':
      return <CallbackQueueScreen />;
    case 'deskSettings':
      return <DeskSettingsScreen />;
    case 'ledgerImport':
      return estateId ? <LedgerImportScreen key={estateId} estateId={estateId} /> : null;
    case 'movein':
      return estateId ? <DeliveryScreen key={estateId} estateId={estateId} buildingId={route.buildingId} /> : null;
    case 'notices':
      return estateId ? <NoticesScreen key={estateId} estateId={estateId} /> : null;
    case 'reports':
      return estateId ? <MonthlyReportScreen key={estateId} estateId={estateId} /> : null;
    case 'audit': {
      const { name: _name, ...scope } = route;
      const scoped = scope.personId || scope.houseId || scope.ticketId;
      return <AuditScreen key={JSON.stringify(scope)} scope={scoped ? scope : undefined} />;
    }
    default:
      return <BuildingsScreen buildingId={route.name === 'buildings' ? route.buildingId : undefined} />;
  }
}

function FrameHeader() {
  const openLookup = useLookup((s) => s.open);

  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="lg">
      <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
        <ThemeIcon size={32} radius="md" variant="filled">
          <IconHeadset size={20} stroke={1.7} />
        </ThemeIcon>
        <Text fw={600} size="md" className={classes.brand}>
          FrontDesk 物业服务中心前台
        </Text>
        <Divider orientation="vertical" my={14} />
        <EstatePicker />
      </Group>

      <UnstyledButton className={classes.searchButton} onClick={openLookup} data-testid="search-open" aria-label="搜索">
        <IconSearch size={16} stroke={1.8} />
        <Text size="sm" c="dimmed" className={classes.searchHint}>
          搜索房号、姓名、电话、车牌…
        </Text>
        <Kbd size="xs">Ctrl+K</Kbd>
      </UnstyledButton>

      <UserMenu />
    </Group>
  );
}

/** Who is signed in (受理人 on what they record), with 修改密码, 锁定 and 退出登录 (docs/ACCOUNTS.md). */
function UserMenu() {
  const user = useCurrentUser();
  const setStatus = useAuth((s) => s.set);
  const [changing, setChanging] = useState(false);
  const idleMinutes = useApp((s) => s.status?.settings.idleMinutes) ?? IDLE_MINUTES.default;
  if (!user) return null;
  const leave = async (channel: 'auth.lock' | 'auth.logout') => {
    const r = await api[channel]({});
    if (r.ok) setStatus(r.value);
  };
  return (
    <>
      <Menu position="bottom-end" shadow="md" width={200}>
        <Menu.Target>
          <UnstyledButton className={classes.staff} title={`当前登录的账号；无操作 ${idleMinutes} 分钟后自动锁定`} data-testid="header-user">
            <IconUserCircle size={20} stroke={1.6} />
            <Text size="sm" data-testid="header-user-name">
              {user.displayName}
            </Text>
            <Badge size="xs" variant="light" color="gray" radius="sm">
              {ROLE_LABELS[user.role]}
            </Badge>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{user.username}</Menu.Label>
          <Menu.Item leftSection={<IconPassword size={14} />} onClick={() => setChanging(true)} data-testid="header-change-password">
            修改密码
          </Menu.Item>
          <Menu.Item leftSection={<IconLock size={14} />} onClick={() => void leave('auth.lock')} data-testid="header-lock">
            锁定
          </Menu.Item>
          <Menu.Item leftSection={<IconLogout size={14} />} color="red" onClick={() => void leave('auth.logout')} data-testid="header-logout">
            退出登录
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {changing ? <ChangePasswordModal onClose={() => setChanging(false)} /> : null}
    </>
  );
}

/**
 * The current estate, in the header: one database may hold several (docs/ARCHITECTURE.md,
 * "Several estates"). The choice decides which buildings 房屋档案 shows and whose houses the
 * lookup puts first; it is remembered on this machine.
 */
function EstatePicker() {
  const estates = useEstates();
  const setEstate = useApp((s) => s.setEstate);
  const current = useCurrentEstate();
  const route = useNav((s) => s.route);
  const replace = useNav((s) => s.replace);
  const go = useNav((s) => s.go);
  const name = current?.name ?? '未选择项目';

  const choose = (e: EstateT) => {
    if (e.id === current?.id) return;
    setEstate(e.id);
    // a house or building of the estate just left makes no sense any more; other screens stay
    if (route.name === 'household' || route.name === 'buildings') replace({ name: 'buildings' });
    notifications.show({ id: 'estate-switched', color: 'desk', message: `当前项目：${e.name}`, autoClose: 2000 });
  };

  return (
    <Menu position="bottom-start" shadow="md" width={280}>
      <Menu.Target>
        <UnstyledButton className={classes.estateButton} data-testid="estate-switcher" aria-label={`当前项目：${name}，点击切换`}>
          <IconBuildingCommunity size={16} stroke={1.7} className={classes.estateIcon} />
          <Text size="sm" fw={600} className={classes.estate} data-testid="estate-name">
            {name}
          </Text>
          {estates.length > 1 ? (
            <Badge size="xs" variant="light" color="gray" radius="sm">
              共 {estates.length} 个项目
            </Badge>
          ) : null}
          <IconChevronDown size={14} />
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>切换当前项目</Menu.Label>
        {estates.map((e) => (
          <Menu.Item
            key={e.id}
            onClick={() => choose(e)}
            leftSection={e.id === current?.id ? <IconCheck size={14} /> : <Box w={14} />}
            rightSection={
              <Text size="xs" c="dimmed" className="fd-tabular">
                {e.houseCount} 户
              </Text>
            }
            fw={e.id === current?.id ? 600 : undefined}
            data-testid="estate-option"
          >
            {e.name}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item leftSection={<IconSettings size={14} />} onClick={() => go({ name: 'settings' })} data-testid="estate-manage">
          项目名称与电话…
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function EstateFooter() {
  const estate = useCurrentEstate();
  if (!estate?.phone) return null;
  return (
    <Box px="sm" py="xs">
      <Text size="xs" c="dimmed">
        服务中心电话
      </Text>
      <Text size="sm" className="fd-tabular">
        {estate.phone}
      </Text>
    </Box>
  );
}
