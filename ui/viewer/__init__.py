"""The record viewer: PDF pages, formatted text, tables and images, with highlights drawn over."""
