/**
 * To-dos: what waits for a person, listed by each module for the audiences it serves ({@link
 * org.anjian.shared.todo.TodoSource}) and collected by the home page.
 */
package org.anjian.shared.todo;
