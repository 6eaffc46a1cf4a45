import { Empty, Flex, Typography } from 'antd';
import { type ReactNode } from 'react';

export interface EmptyStateProps {
  title: ReactNode;
  /** What the list is for, or the step that has to come first. */
  hint: ReactNode;
  /** The first step: buttons under the text. */
  children?: ReactNode;
}

/** A list with nothing in it yet: a title, a lead sentence and the first step, instead of a bare "暂无数据". */
export function EmptyState({ title, hint, children }: EmptyStateProps) {
  return (
    <Empty
      style={{ padding: '48px 0' }}
      description={
        <Flex vertical gap={4} align="center">
          <Typography.Text strong style={{ fontSize: 16 }}>
            {title}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ maxWidth: 560 }}>
            {hint}
          </Typography.Text>
        </Flex>
      }
    >
      {children}
    </Empty>
  );
}
