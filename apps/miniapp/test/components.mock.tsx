import { createElement, type ReactNode } from 'react';

/**
 * Taro components as plain elements for server-side rendering in tests. Only attributes that
 * matter to assertions (class, style, accessibility, data-*) reach the output.
 */
type Props = Record<string, unknown> & { children?: ReactNode };

function passThrough(props: Props): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (
      key === 'className' ||
      key === 'style' ||
      key === 'id' ||
      key === 'role' ||
      key.startsWith('aria-') ||
      key.startsWith('data-')
    ) {
      out[key] = value;
    }
    if (key === 'ariaLabel') out['aria-label'] = value;
  }
  return out;
}

function host(tag: string, name: string) {
  const Component = (props: Props) => createElement(tag, { ...passThrough(props), 'data-taro': name }, props.children);
  Component.displayName = name;
  return Component;
}

export const View = host('div', 'View');
export const Text = host('span', 'Text');
export const Button = host('button', 'Button');
export const Input = host('input', 'Input');
export const Textarea = host('textarea', 'Textarea');
export const Label = host('label', 'Label');
export const Picker = host('div', 'Picker');
export const Radio = host('span', 'Radio');
export const RadioGroup = host('div', 'RadioGroup');
export const Checkbox = host('span', 'Checkbox');
export const CheckboxGroup = host('div', 'CheckboxGroup');
export const Switch = host('span', 'Switch');
export const ScrollView = host('div', 'ScrollView');
export const Navigator = host('a', 'Navigator');
export const Progress = host('div', 'Progress');
