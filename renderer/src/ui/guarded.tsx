import { Alert, Popconfirm, Tooltip, type MenuProps } from 'antd';
import { cloneElement, isValidElement, type CSSProperties, type ReactElement, type ReactNode } from 'react';
import type { Action, PermissionContext, PermissionResult } from '../../../shared/domain';
import { usePermission } from '../db';

type Ctx = Omit<PermissionContext, 'actorUnitId'>;

interface DisableableProps {
  disabled?: boolean;
  style?: CSSProperties;
  children?: ReactNode;
}

export type GuardedProps = {
  /**
   * Render nothing when refused: the role never does this kind of thing on this screen (a supervisor never
   * sees 新建单位). Without it the control is shown disabled with the reason in a tooltip, where the user would
   * otherwise wonder where it went.
   */
  hide?: boolean;
  /** The control: a Button (or anything taking `disabled`), or a Popconfirm around one. */
  children: ReactElement<DisableableProps>;
} & (
  | {
      /** The write the control triggers; checked against the current user with the one permission rule. */
      action: Action;
      /** E.g. `targetUnitIds` for a liaison's own-unit rules. */
      ctx?: Ctx;
      right?: never;
    }
  | {
      /** An answer already computed (usePermissions for a toolbar). */
      right: PermissionResult;
      action?: never;
      ctx?: never;
    }
);

/**
 * A control that writes, shown as the current role may use it: as is when allowed; disabled with a tooltip
 * giving the reason (in Chinese, from `shared/domain/permissions.ts`) when not; or not at all with `hide`.
 * A refused Popconfirm is dropped so that nothing opens: only its (disabled) button is shown.
 */
export function Guarded(props: GuardedProps) {
  if (props.right)
    return (
      <GuardedView right={props.right} hide={props.hide}>
        {props.children}
      </GuardedView>
    );
  return <GuardedByAction {...props} />;
}

function GuardedByAction({
  action,
  ctx,
  hide,
  children,
}: {
  action: Action;
  ctx?: Ctx;
  hide?: boolean;
  children: ReactElement<DisableableProps>;
}) {
  const right = usePermission(action, ctx);
  return (
    <GuardedView right={right} hide={hide}>
      {children}
    </GuardedView>
  );
}

function GuardedView({
  right,
  hide,
  children,
}: {
  right: PermissionResult;
  hide?: boolean | undefined;
  children: ReactElement<DisableableProps>;
}) {
  if (right.allowed) return children;
  if (hide) return null;
  let control: ReactElement<DisableableProps> = children;
  if (control.type === Popconfirm && isValidElement<DisableableProps>(control.props.children)) {
    control = control.props.children;
  }
  return (
    <Tooltip title={right.reason}>
      <span
        className="jd-guarded"
        data-denied={right.reason}
        style={{ display: 'inline-block', cursor: 'not-allowed' }}
      >
        {cloneElement(control, { disabled: true, style: { ...control.props.style, pointerEvents: 'none' } })}
      </span>
    </Tooltip>
  );
}

type MenuItem = NonNullable<MenuProps['items']>[number];

/** A menu item for an action: disabled, with the reason as its tooltip, when refused; dropped with `hide`. */
export function guardedMenuItem<T extends MenuItem & { label?: ReactNode }>(
  item: T,
  right: PermissionResult,
  hide = false,
): T | null {
  if (right.allowed) return item;
  if (hide) return null;
  return {
    ...item,
    disabled: true,
    label: (
      <Tooltip title={right.reason} placement="left">
        <span data-denied={right.reason}>{item.label}</span>
      </Tooltip>
    ),
  };
}

/** Above a form or section the current role may only read: the reason, once. Nothing when allowed. */
export function DeniedNotice({ right, style }: { right: PermissionResult; style?: CSSProperties }) {
  if (right.allowed) return null;
  return <Alert type="info" showIcon title={right.reason} style={{ marginBottom: 16, ...style }} />;
}
