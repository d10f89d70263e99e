import { Button } from '@tarojs/components';

export type ActionButtonVariant = 'primary' | 'secondary' | 'danger' | 'link';

interface ActionButtonProps {
  label: string;
  onClick: () => void;
  variant?: ActionButtonVariant;
  /** Defaults to the visible label; set it when the label alone is ambiguous ("Remove" → "Remove stay 2"). */
  ariaLabel?: string;
  disabled?: boolean;
  busy?: boolean;
  id?: string;
}

/** A button at least 44 px high with one of four looks. */
export function ActionButton({
  label,
  onClick,
  variant = 'primary',
  ariaLabel,
  disabled,
  busy,
  id,
}: ActionButtonProps) {
  return (
    <Button
      id={id}
      className={`btn btn--${variant}${disabled || busy ? ' btn--disabled' : ''}`}
      aria-label={ariaLabel ?? label}
      aria-disabled={disabled || busy ? 'true' : undefined}
      aria-busy={busy ? 'true' : undefined}
      disabled={disabled || busy}
      loading={busy}
      onClick={() => {
        if (!disabled && !busy) onClick();
      }}
    >
      {label}
    </Button>
  );
}
