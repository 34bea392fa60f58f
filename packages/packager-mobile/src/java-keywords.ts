/**
 * Java's reserved words (JLS 3.9 keywords plus the literals `true`, `false`,
 * `null`). Capacitor writes the app id as the Java package of the Android
 * project (`package com.example.app;`), so a segment spelled like one of
 * these makes the generated project fail to compile.
 */
export const JAVA_RESERVED_WORDS: readonly string[] = [
  'abstract', 'assert', 'boolean', 'break', 'byte', 'case', 'catch', 'char', 'class', 'const',
  'continue', 'default', 'do', 'double', 'else', 'enum', 'extends', 'false', 'final', 'finally',
  'float', 'for', 'goto', 'if', 'implements', 'import', 'instanceof', 'int', 'interface', 'long',
  'native', 'new', 'null', 'package', 'private', 'protected', 'public', 'return', 'short', 'static',
  'strictfp', 'super', 'switch', 'synchronized', 'this', 'throw', 'throws', 'transient', 'true', 'try',
  'void', 'volatile', 'while',
];
